// Run first in <body>: GOV.UK Frontend's styles for when JavaScript (and ES modules) work.
document.body.className +=
  " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
