// Optional typeahead for every product search box (search/includes/search_box.html): fills the box's
// <datalist> with one suggestion per distinct product name from the autocomplete API, in the page's
// language. Without JavaScript, or when the API fails, the box is a plain search form.
(function () {
  "use strict";
  function enhance(input) {
    if (input.dataset.autocompleteReady) { return; }
    input.dataset.autocompleteReady = "true";
    var list = document.getElementById(input.getAttribute("list"));
    var timer = null;
    var latest = "";
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var text = input.value.trim();
      if (!list || text.length < 1) { return; }
      timer = setTimeout(function () {
        latest = text;
        var url = input.dataset.autocompleteUrl + "&q=" + encodeURIComponent(text);
        fetch(url, { headers: { Accept: "application/json" } })
          .then(function (response) { return response.ok ? response.json() : []; })
          .then(function (items) {
            if (text !== latest) { return; }
            list.replaceChildren.apply(list, items.map(function (item) {
              var option = document.createElement("option");
              option.value = item.name;
              return option;
            }));
          })
          .catch(function () {});
      }, 150);
    });
  }
  function start() {
    document.querySelectorAll("input[data-autocomplete-url]").forEach(enhance);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
