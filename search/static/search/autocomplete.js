// Optional typeahead for the product search box: fills the <datalist> from the autocomplete API.
// The form works without it.
(function () {
  "use strict";
  document.querySelectorAll("input[data-autocomplete-url]").forEach(function (input) {
    var list = document.getElementById(input.getAttribute("list"));
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var text = input.value.trim();
      if (!list || text.length < 1) { return; }
      timer = setTimeout(function () {
        var url = input.dataset.autocompleteUrl + "&q=" + encodeURIComponent(text);
        fetch(url, { headers: { Accept: "application/json" } })
          .then(function (response) { return response.ok ? response.json() : []; })
          .then(function (items) {
            list.replaceChildren.apply(list, items.map(function (item) {
              var option = document.createElement("option");
              option.value = item.name;
              return option;
            }));
          })
          .catch(function () {});
      }, 150);
    });
  });
})();
