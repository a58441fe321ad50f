// Stand-in: see ../README.md. The client calls this for XML answers only.
exports.toJson = () => {
  throw new Error('xml2json stand-in: the test uses the client in JSON mode');
};
