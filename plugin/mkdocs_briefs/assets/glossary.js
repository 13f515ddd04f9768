/* mkdocs-briefs: glossary terms show their definition in place.
 *
 * Without this script a term is an ordinary link to its glossary entry, and
 * screen readers announce its definition through aria-describedby. The script
 * adds a popup with the definition and a "Read more" link:
 *   - pointing at a term (mouse) or focusing it (keyboard) shows the popup;
 *     the pointer may move into the popup without closing it;
 *   - on a touch screen the first tap on a term shows the popup, and a second
 *     tap on the term (or "Read more") follows the link;
 *   - Escape, a tap elsewhere, leaving the term or following "Read more"
 *     closes it.
 * Listeners are delegated on `document`, so they keep working after Material's
 * instant navigation swaps the page; the popup closes on every page change.
 */
(function () {
  "use strict";
  if (window.__briefsGlossary) return; // loaded twice: the first copy does the work
  window.__briefsGlossary = true;

  var TERM = "a.brief-term";
  var GAP = 6; // px between the term and the popup
  var MARGIN = 8; // px the popup keeps from the viewport's edges
  var popup = null; // one popup for the page, made on first use
  var current = null; // the term link the popup shows
  var hideTimer = 0;
  var tap = null; // the touch tap in progress: which term, and was it already open?
  var quietFocus = false; // set while the script itself moves focus back to a term

  function termOf(node) {
    return node && node.closest ? node.closest(TERM) : null;
  }

  function inPopup(node) {
    return !!(popup && node && popup.contains(node));
  }

  function isOpen() {
    return !!(popup && !popup.hidden && current);
  }

  function getPopup() {
    if (popup && popup.isConnected) return popup;
    popup = document.createElement("div");
    popup.className = "brief-term-popup";
    popup.hidden = true;
    popup.addEventListener("pointerenter", cancelHide);
    popup.addEventListener("pointerleave", function (event) {
      if (event.pointerType === "mouse") scheduleHide();
    });
    // Following "Read more" leaves the page: close now, not when the next page arrives.
    popup.addEventListener("click", function (event) {
      if (event.target instanceof Element && event.target.closest("a")) hide();
    });
    document.body.appendChild(popup);
    return popup;
  }

  function fill(box, link, definition) {
    box.textContent = "";
    var name = document.createElement("p");
    name.className = "brief-term-popup__term";
    name.textContent = definition.getAttribute("data-term-name") || link.textContent;
    var text = document.createElement("p");
    text.className = "brief-term-popup__definition";
    definition.childNodes.forEach(function (node) {
      text.appendChild(node.cloneNode(true));
    });
    var more = document.createElement("a");
    more.className = "brief-term-popup__more";
    more.href = link.href;
    more.textContent = "Read more in the glossary";
    box.append(name, text, more);
  }

  function show(link) {
    cancelHide();
    var definition = document.getElementById(link.getAttribute("aria-describedby") || "");
    if (!definition) return; // nothing to show: the link still leads to the glossary
    var box = getPopup();
    if (current !== link || box.hidden) fill(box, link, definition);
    current = link;
    box.hidden = false;
    place(link, box);
  }

  function place(link, box) {
    // The first line box of the term, so a term broken over two lines keeps its popup close.
    var rect = link.getClientRects()[0] || link.getBoundingClientRect();
    var width = document.documentElement.clientWidth;
    var height = window.innerHeight;
    box.style.left = "0px";
    box.style.top = "0px";
    var boxWidth = box.offsetWidth;
    var boxHeight = box.offsetHeight;
    var left = Math.max(MARGIN, Math.min(rect.left, width - boxWidth - MARGIN));
    var top = rect.bottom + GAP;
    if (top + boxHeight > height - MARGIN && rect.top - GAP - boxHeight >= MARGIN) {
      top = rect.top - GAP - boxHeight; // no room below: above the term
    }
    box.style.left = left + window.scrollX + "px";
    box.style.top = top + window.scrollY + "px";
  }

  function hide() {
    cancelHide();
    if (popup) popup.hidden = true;
    current = null;
  }

  function scheduleHide() {
    cancelHide();
    hideTimer = window.setTimeout(hide, 200); // time to move the pointer into the popup
  }

  function cancelHide() {
    window.clearTimeout(hideTimer);
  }

  document.addEventListener("pointerover", function (event) {
    var link = termOf(event.target);
    if (link && event.pointerType === "mouse") show(link);
  });

  document.addEventListener("pointerout", function (event) {
    var link = termOf(event.target);
    if (event.pointerType !== "mouse" || !link || link !== current) return;
    if (!link.contains(event.relatedTarget)) scheduleHide();
  });

  document.addEventListener("focusin", function (event) {
    var link = termOf(event.target);
    if (quietFocus) return;
    if (link) show(link);
    else if (isOpen() && !inPopup(event.target)) hide();
  });

  document.addEventListener("focusout", function (event) {
    var link = termOf(event.target);
    if (link && link === current && !inPopup(event.relatedTarget)) scheduleHide();
  });

  // Capture phase: decide before Material's instant navigation sees the click.
  document.addEventListener(
    "pointerdown",
    function (event) {
      var link = termOf(event.target);
      var touch = link && event.pointerType !== "mouse";
      tap = touch ? { link: link, wasOpen: isOpen() && current === link } : null;
      if (!link && isOpen() && !inPopup(event.target)) hide();
    },
    true
  );

  document.addEventListener(
    "click",
    function (event) {
      var link = termOf(event.target);
      var touch = tap;
      tap = null;
      if (!link || !touch || touch.link !== link || touch.wasOpen) return;
      // First tap on a touch screen: show the definition instead of leaving the page.
      event.preventDefault();
      event.stopPropagation();
      show(link);
    },
    true
  );

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !isOpen()) return;
    var link = current;
    var focusWasInPopup = inPopup(document.activeElement);
    hide();
    if (focusWasInPopup) {
      quietFocus = true;
      link.focus();
      quietFocus = false;
    }
  });

  window.addEventListener("resize", function () {
    if (isOpen()) place(current, popup);
  });

  // Material's instant navigation keeps <body>, so the popup would outlive its page.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(hide);
  }
})();
