/* Progressive enhancement of the shop pages: every page works without this file. */
(function () {
  "use strict";

  // Search suggestions as you type (ARIA 1.2 combobox with a listbox popup).
  function attachSuggestions(input, index) {
    var url = input.getAttribute("data-suggest-url");
    if (!url) return;
    var list = document.createElement("ul");
    var listId = "suggestions-" + index;
    list.id = listId;
    list.className = "suggestions";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    input.parentNode.appendChild(list);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("aria-expanded", "false");
    var items = [], active = -1, timer = null, lastQuery = null, controller = null;

    function close() {
      list.hidden = true; list.innerHTML = ""; items = []; active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }
    function highlight(next) {
      if (!items.length) return;
      active = (next + items.length) % items.length;
      items.forEach(function (li, i) { li.setAttribute("aria-selected", i === active ? "true" : "false"); });
      input.setAttribute("aria-activedescendant", items[active].id);
    }
    function show(suggestions) {
      close();
      if (!suggestions.length) return;
      suggestions.forEach(function (s, i) {
        var li = document.createElement("li");
        li.id = listId + "-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.textContent = s.text;
        li.dataset.url = s.url;
        li.addEventListener("mousedown", function (event) { event.preventDefault(); window.location.href = s.url; });
        list.appendChild(li);
        items.push(li);
      });
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }
    function fetchSuggestions() {
      var q = input.value.trim();
      if (q === lastQuery) return;
      lastQuery = q;
      if (q.length < 2) { close(); return; }
      if (controller) controller.abort();
      controller = new AbortController();
      fetch(url + "?q=" + encodeURIComponent(q), { signal: controller.signal, headers: { "Accept": "application/json" } })
        .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
        .then(function (data) { if (input.value.trim() === q) show(data.suggestions || []); })
        .catch(function () {});
    }
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(fetchSuggestions, 150); });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") { event.preventDefault(); highlight(active + 1); }
      else if (event.key === "ArrowUp") { event.preventDefault(); highlight(active - 1); }
      else if (event.key === "Escape" && !list.hidden) { event.preventDefault(); close(); }
      else if (event.key === "Enter" && active >= 0 && items[active]) {
        event.preventDefault(); window.location.href = items[active].dataset.url;
      }
    });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
  }

  function ready() {
    var inputs = document.querySelectorAll("input[data-suggest-url]");
    for (var i = 0; i < inputs.length; i++) attachSuggestions(inputs[i], i);
    // Filters are open beside the results on wide screens; on a phone they fold away above the
    // results (unless a filter needs correcting) so the products come first.
    var filters = document.getElementById("filters");
    if (filters) {
      if (window.matchMedia("(min-width: 48rem)").matches) filters.open = true;
      else if (!document.getElementById("filter-errors")) filters.open = false;
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
})();
