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

  // The page speaks Norwegian and English. The conversation's language is the
  // language of the last answer (or the person's choice of Norsk/English): it
  // marks every message (`lang`, for screen readers) and goes with the next
  // message, so a short "ok" is answered in it.
  var TEXTS = {
    nb: {
      exit: "Rask utgang", exit_title: "Bytt raskt til en nøytral nettside (Esc)",
      bot_label: "Assistenten: ", user_label: "Du: ", typing: "Assistenten skriver …",
      welcome: "Hei! Her kan du spørre anonymt om alkohol, rusmidler, medisiner eller pengespill. Du trenger ikke si hvem du er.",
      label: "Skriv meldingen din", placeholder: "Skriv hva du lurer på …", send: "Send",
      note: "Rask utgang, eller Esc-tasten, bytter til en nøytral nettside og tømmer samtalen. Bruker andre den samme enheten, kan du også slette nettleserloggen: Ctrl+Shift+Delete på PC, eller under «Historikk» i nettleserens meny på mobil.",
      emergency: "Akutt fare", police: "Politi", choices: "Svaralternativer", log: "Samtalen", retry: "Prøv igjen",
      failed: "Noe gikk galt. Prøv igjen om litt.",
      offline: "Fikk ikke kontakt. Sjekk nettet og prøv igjen. Haster det: ring 113."
    },
    en: {
      exit: "Quick exit", exit_title: "Switch quickly to a neutral website (Esc)",
      bot_label: "Assistant: ", user_label: "You: ", typing: "The assistant is writing …",
      welcome: "Hi! Here you can ask anonymously about alcohol, drugs, medicines or gambling. You do not need to say who you are.",
      label: "Write your message", placeholder: "Write what you are wondering about …", send: "Send",
      note: "Quick exit, or the Esc key, switches to a neutral website and clears the conversation. If others use the same device, you can also delete the browser history: Ctrl+Shift+Delete on a PC, or under “History” in the browser menu on a phone.",
      emergency: "Emergency", police: "Police", choices: "Answer options", log: "The conversation", retry: "Try again",
      failed: "Something went wrong. Please try again soon.",
      offline: "Could not connect. Check your connection and try again. If it is urgent: call 113."
    }
  };
  var pageLang = "nb";          // nb or en: the page's own words
  var conversationLang = "nb";  // the language of the last answer
  function t(key) { return TEXTS[pageLang][key]; }

  function setPageLanguage(lang) {
    pageLang = lang === "en" ? "en" : "nb";
    document.documentElement.lang = pageLang;
    Array.prototype.forEach.call(document.querySelectorAll("[data-i18n]"), function (el) {
      el.textContent = t(el.getAttribute("data-i18n"));
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-i18n-title]"), function (el) {
      el.title = t(el.getAttribute("data-i18n-title"));
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-i18n-placeholder]"), function (el) {
      el.placeholder = t(el.getAttribute("data-i18n-placeholder"));
    });
    Array.prototype.forEach.call(document.querySelectorAll("button.lang"), function (b) {
      b.setAttribute("aria-pressed", String(b.getAttribute("data-lang") === pageLang));
    });
    log.setAttribute("aria-label", t("log"));
    var welcome = document.getElementById("welcome");
    if (welcome) welcome.lang = pageLang;
  }
  Array.prototype.forEach.call(document.querySelectorAll("button.lang"), function (b) {
    b.addEventListener("click", function () {
      conversationLang = b.getAttribute("data-lang");
      setPageLanguage(conversationLang);
      input.focus();
    });
  });

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

  function bubble(kind, text, lang) {
    var p = document.createElement("p");
    p.className = "msg " + kind;
    p.dir = "auto";  // Arabic, Persian and Urdu read right to left
    if (lang) p.lang = lang;
    var who = document.createElement("span");
    who.className = "visually-hidden";
    who.lang = pageLang;
    who.textContent = kind === "user" ? t("user_label") : t("bot_label");
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
    group.setAttribute("aria-label", t("choices"));
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
    retry.textContent = t("retry");
    retry.addEventListener("click", function () { retry.remove(); post(payload); });
    p.appendChild(document.createTextNode(" "));
    p.appendChild(retry);
  }

  function post(payload, asked) {
    if (sender === null) return;
    typing.hidden = false;
    return fetch(ENDPOINT, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ sender: sender, message: payload, metadata: { lang: conversationLang } }),
      credentials: "omit",
      cache: "no-store",
      referrerPolicy: "no-referrer"
    }).then(function (response) {
      return response.json().catch(function () { return null; }).then(function (data) {
        if (!response.ok) {
          var message = (data && data.error) || t("failed");
          if (response.status >= 500) offerRetry(message, payload); else bubble("error", message, data && data.lang);
          return;
        }
        (data || []).forEach(function (m) {
          var lang = typeof m.lang === "string" ? m.lang : conversationLang;
          if (typeof m.text === "string" && m.text) bubble("bot", m.text, lang);
          if (Array.isArray(m.buttons) && m.buttons.length) quickReplies(m.buttons);
          conversationLang = lang;
        });
        // What the person wrote was in the language they were answered in.
        if (asked && (data || []).length) asked.lang = conversationLang;
        if (conversationLang === "en" || conversationLang === "nb" || conversationLang === "nn") {
          setPageLanguage(conversationLang);
        }
      });
    }).catch(function () {
      offerRetry(t("offline"), payload);
    }).then(function () { typing.hidden = true; });
  }

  function send(payload, shown) {
    return post(payload, bubble("user", shown));
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
