/* Sourcing: hovering or focusing a source highlights its claims, and a claim
 * or citation link highlights its sources. Plain anchors do the navigation
 * without JavaScript; this only adds the highlight. Listeners sit on the
 * document, so they keep working after Material's instant navigation. */
(function () {
  "use strict";

  var HIGHLIGHT = "is-highlighted";

  function clear() {
    document.querySelectorAll("." + HIGHLIGHT).forEach(function (el) {
      el.classList.remove(HIGHLIGHT);
    });
  }

  function mark(selector) {
    document.querySelectorAll(selector).forEach(function (el) {
      el.classList.add(HIGHLIGHT);
    });
  }

  function escapeId(id) {
    return window.CSS && CSS.escape ? CSS.escape(id) : id;
  }

  function highlightFrom(target) {
    if (!(target instanceof Element)) return;
    var source = target.closest(".brief-source[data-source]");
    if (source) {
      mark('.brief-claim[data-sources~="' + escapeId(source.dataset.source) + '"]');
      source.classList.add(HIGHLIGHT);
      return;
    }
    var cite = target.closest(".brief-cite__link[data-source]");
    var ids = cite
      ? [cite.dataset.source]
      : ((target.closest(".brief-claim[data-sources]") || {}).dataset || {}).sources;
    if (typeof ids === "string") ids = ids.split(" ");
    if (!ids || !ids.length) return;
    ids.forEach(function (id) {
      mark('.brief-source[data-source="' + escapeId(id) + '"]');
    });
  }

  function onEnter(event) {
    clear();
    highlightFrom(event.target);
  }

  document.addEventListener("mouseover", onEnter);
  document.addEventListener("focusin", onEnter);
  document.addEventListener("mouseout", function (event) {
    if (!event.relatedTarget || !(event.relatedTarget instanceof Element) ||
        !event.relatedTarget.closest(".brief-source, .brief-claim")) {
      clear();
    }
  });
  document.addEventListener("focusout", clear);

  // Instant navigation swaps the page without a reload: start clean each time.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(clear);
  }
})();
