/* Spør trygt chat widget. Plain JavaScript, no dependencies.
   Nothing is stored in the browser: no cookies, no localStorage or
   sessionStorage. The sender id is random per page load and lives in a
   variable, so a reload starts a new, unconnected conversation. */
(function () {
  "use strict";
  var root = document.getElementById("spor-trygt");
  if (!root) return;
  var log = document.getElementById("log");
  var form = document.getElementById("composer");
  var input = document.getElementById("message");
  var typing = document.getElementById("typing");
  var exitButton = document.getElementById("quick-exit");
  var ENDPOINT = "/webhooks/rest/webhook";
  var LINK = /https:\/\/[^\s<>"'()\[\]]+/g;

  function randomId() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }
  var sender = randomId();

  function quickExit() {
    log.textContent = "";
    input.value = "";
    sender = null;
    var target = root.getAttribute("data-quick-exit");
    try { window.top.location.replace(target); } catch (e) { window.location.replace(target); }
  }
  exitButton.addEventListener("click", quickExit);
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") quickExit(); });

  // Text only; https links from the assistant become links, nothing else is markup.
  function appendWithLinks(el, text) {
    var last = 0, match;
    LINK.lastIndex = 0;
    while ((match = LINK.exec(text)) !== null) {
      var url = match[0].replace(/[.,;:!?]+$/, "");
      el.appendChild(document.createTextNode(text.slice(last, match.index)));
      var a = document.createElement("a");
      a.href = url;
      a.textContent = url;
      a.rel = "noopener noreferrer";
      a.target = "_blank";
      el.appendChild(a);
      last = match.index + url.length;
      LINK.lastIndex = last;
    }
    el.appendChild(document.createTextNode(text.slice(last)));
  }

  function bubble(kind, text) {
    var p = document.createElement("p");
    p.className = "msg " + kind;
    var who = document.createElement("span");
    who.className = "visually-hidden";
    who.textContent = kind === "user" ? "Du: " : "Assistenten: ";
    p.appendChild(who);
    if (kind === "bot") appendWithLinks(p, text); else p.appendChild(document.createTextNode(text));
    log.appendChild(p);
    log.scrollTop = log.scrollHeight;
    return p;
  }

  function quickReplies(buttons) {
    var group = document.createElement("div");
    group.className = "quick";
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", "Svaralternativer");
    buttons.forEach(function (b) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = b.title;
      button.addEventListener("click", function () {
        group.remove();
        send(b.payload, b.title);
        input.focus();
      });
      group.appendChild(button);
    });
    log.appendChild(group);
    log.scrollTop = log.scrollHeight;
  }

  function offerRetry(message, payload) {
    var p = bubble("error", message);
    var retry = document.createElement("button");
    retry.type = "button";
    retry.className = "retry";
    retry.textContent = "Prøv igjen";
    retry.addEventListener("click", function () { retry.remove(); post(payload); });
    p.appendChild(document.createTextNode(" "));
    p.appendChild(retry);
  }

  function post(payload) {
    if (sender === null) return;
    typing.hidden = false;
    return fetch(ENDPOINT, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ sender: sender, message: payload }),
      credentials: "omit",
      cache: "no-store",
      referrerPolicy: "no-referrer"
    }).then(function (response) {
      return response.json().catch(function () { return null; }).then(function (data) {
        if (!response.ok) {
          var message = (data && data.error) || "Noe gikk galt. Prøv igjen om litt.";
          if (response.status >= 500) offerRetry(message, payload); else bubble("error", message);
          return;
        }
        (data || []).forEach(function (m) {
          if (typeof m.text === "string" && m.text) bubble("bot", m.text);
          if (Array.isArray(m.buttons) && m.buttons.length) quickReplies(m.buttons);
        });
      });
    }).catch(function () {
      offerRetry("Fikk ikke kontakt. Sjekk nettet og prøv igjen. Haster det: ring 113.", payload);
    }).then(function () { typing.hidden = true; });
  }

  function send(payload, shown) {
    bubble("user", shown);
    return post(payload);
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var text = input.value.trim();
    if (!text) return;
    input.value = "";
    send(text, text);
  });
  input.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); form.requestSubmit(); }
  });
})();
