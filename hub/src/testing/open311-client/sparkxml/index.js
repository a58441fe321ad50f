// Stand-in: see ../README.md. The client calls this for XML answers only.
exports.parseXml = () => {
  throw new Error('sparkxml stand-in: the test uses the client in JSON mode');
};
