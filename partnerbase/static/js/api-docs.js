// Start Swagger UI on the API's documentation page (templates/api/docs.html). A file, not
// an inline script: the Content-Security-Policy allows scripts from this site only.
(function () {
  var element = document.getElementById("swagger-ui");
  function cookie(name) {
    var match = document.cookie.match(new RegExp("(?:^|; )" + name + "=([^;]*)"));
    return match ? decodeURIComponent(match[1]) : "";
  }
  window.SwaggerUIBundle({
    url: element.getAttribute("data-schema-url"),
    domNode: element,
    deepLinking: true,
    presets: [window.SwaggerUIBundle.presets.apis, window.SwaggerUIStandalonePreset],
    layout: "BaseLayout",
    // "Try it out" from a signed-in browser: the session's CSRF token goes with each write.
    requestInterceptor: function (request) {
      var token = cookie("csrftoken");
      if (token) request.headers["X-CSRFToken"] = token;
      return request;
    },
  });
})();
