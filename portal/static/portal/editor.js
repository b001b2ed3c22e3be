/* The product description's rich-text editor: progressive enhancement of the plain text area.
 * Without JavaScript the text area itself is the editor (a blank line starts a new paragraph). With it, the
 * text area is hidden and a small editor (bold, italic, heading, list) takes its place; on submit its HTML
 * goes back into the text area, and the server sanitises it (nh3) whatever it holds. */
(function () {
  "use strict";
  var BLOCK = /^<(h2|h3|ul|ol|blockquote|p)[\s>]/i;

  function toHtml(text) {
    return text.split(/\n\s*\n/).map(function (chunk) {
      chunk = chunk.trim();
      if (!chunk) return "";
      return BLOCK.test(chunk) ? chunk : "<p>" + chunk.replace(/\n/g, "<br>") + "</p>";
    }).join("");
  }

  function button(label, title, action) {
    var b = document.createElement("button");
    b.type = "button";
    b.textContent = label;
    b.title = title;
    b.setAttribute("aria-label", title);
    b.addEventListener("mousedown", function (e) { e.preventDefault(); });  // keep the selection
    b.addEventListener("click", action);
    return b;
  }

  function enhance(area) {
    var label = document.querySelector('label[for="' + area.id + '"]');
    var editor = document.createElement("div");
    editor.className = "rich-editor";
    editor.contentEditable = "true";
    editor.setAttribute("role", "textbox");
    editor.setAttribute("aria-multiline", "true");
    if (label) { label.id = label.id || area.id + "-label"; editor.setAttribute("aria-labelledby", label.id); }
    if (area.getAttribute("aria-describedby")) editor.setAttribute("aria-describedby", area.getAttribute("aria-describedby"));
    editor.innerHTML = toHtml(area.value);  // the server's sanitised text
    var lang = document.documentElement.lang || "vi";
    var vi = lang.indexOf("vi") === 0;
    var cmd = function (name, value) { return function () { editor.focus(); document.execCommand(name, false, value); }; };
    var bar = document.createElement("div");
    bar.className = "rich-toolbar";
    bar.setAttribute("role", "toolbar");
    bar.setAttribute("aria-label", vi ? "Định dạng" : "Formatting");
    bar.appendChild(button("B", vi ? "Chữ đậm" : "Bold", cmd("bold")));
    bar.appendChild(button("I", vi ? "Chữ nghiêng" : "Italic", cmd("italic")));
    bar.appendChild(button("H", vi ? "Tiêu đề" : "Heading", cmd("formatBlock", "<h2>")));
    bar.appendChild(button("¶", vi ? "Đoạn văn" : "Paragraph", cmd("formatBlock", "<p>")));
    bar.appendChild(button("•", vi ? "Danh sách" : "List", cmd("insertUnorderedList")));
    try { document.execCommand("defaultParagraphSeparator", false, "p"); } catch (e) { /* older browsers */ }
    area.hidden = true;
    area.parentNode.insertBefore(bar, area);
    area.parentNode.insertBefore(editor, area);
    if (label) label.addEventListener("click", function () { editor.focus(); });
    area.form.addEventListener("submit", function () { area.value = editor.innerHTML; });
  }

  document.querySelectorAll("textarea[data-rich-text]").forEach(enhance);
})();
