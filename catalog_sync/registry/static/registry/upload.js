// The upload form: while the file is read, the button is disabled and a status line says so.
document.getElementById("upload-form").addEventListener("submit", function (event) {
  var button = event.target.querySelector("button[type=submit]");
  button.disabled = true;
  button.setAttribute("aria-busy", "true");
  document.getElementById("upload-status").hidden = false;
});
