// The interactive API reference, served by the hub itself (no third-party CDN).
window.SwaggerUIBundle({ url: '../openapi.json', dom_id: '#api', deepLinking: true });
