// The story's rich-text editor: a contenteditable area with a small toolbar (bold, italic, heading, list, link).
// Without JavaScript the plain textarea is the editor; with it, the textarea is hidden and, on submit, receives
// the editor's HTML, which the server sanitises (nh3) and turns into Saleor's EditorJS blocks.
(function () {
  "use strict";
  var box = document.querySelector("[data-story-editor]");
  var field = document.getElementById("id_story");
  var start = document.getElementById("story-html");
  if (!box || !field || !start || typeof document.execCommand !== "function") { return; }
  var editable = box.querySelector("[contenteditable]");
  var help = document.querySelector(".story-help");
  editable.innerHTML = start.innerHTML.trim() || "<p><br></p>";  // sanitised on the server
  box.hidden = false;
  field.hidden = true;
  if (help) { help.hidden = true; }
  document.querySelector('label[for="id_story"]').addEventListener("click", function () { editable.focus(); });
  try {
    document.execCommand("defaultParagraphSeparator", false, "p");
    document.execCommand("styleWithCSS", false, false);  // <b> and <i>, not styled spans
  } catch (e) { /* older browsers */ }

  function currentBlock() {
    var node = window.getSelection().anchorNode;
    while (node && node !== editable) {
      if (node.nodeType === 1 && /^(P|H2|H3|H4|LI|DIV)$/.test(node.nodeName)) { return node.nodeName; }
      node = node.parentNode;
    }
    return "";
  }

  var commands = {
    bold: function () { document.execCommand("bold"); },
    italic: function () { document.execCommand("italic"); },
    heading: function () { document.execCommand("formatBlock", false, currentBlock() === "H2" ? "p" : "h2"); },
    list: function () { document.execCommand("insertUnorderedList"); },
    paragraph: function () { document.execCommand("formatBlock", false, "p"); },
    link: function (button) {
      var url = window.prompt(button.getAttribute("data-prompt") || "https://", "https://");
      if (url && /^(https?:\/\/|mailto:|tel:)/i.test(url.trim())) { document.execCommand("createLink", false, url.trim()); }
    }
  };
  box.querySelectorAll("[data-command]").forEach(function (button) {
    button.addEventListener("mousedown", function (event) { event.preventDefault(); });  // keep the selection
    button.addEventListener("click", function () {
      editable.focus();
      commands[button.getAttribute("data-command")](button);
    });
  });
  field.form.addEventListener("submit", function () {
    field.value = editable.textContent.trim() ? editable.innerHTML : "";
  });
}());
