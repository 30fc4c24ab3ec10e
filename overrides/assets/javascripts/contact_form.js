// The contact form (overrides/partials/contact_form.html), GOV.UK Frontend's way: without this
// script it is a plain form. With it, the form is checked on submit: an error summary at the
// top links to each field in error and takes focus, each field shows its message after its
// hint, and "Fel: " / "Error: " goes in front of the page title. Every text comes from the
// page's data-* attributes, in the page's language.
// In mailto mode (data-mode="mailto") a valid form becomes an email to data-mailto.
(function () {
  var form = document.querySelector("form.seom-form");
  if (!form) return;
  var summary = form.querySelector(".seom-error-summary");
  var list = summary.querySelector("ul");
  var title = document.title;
  var opened = form.elements.namedItem("opened");
  // When the reader opened the form: the endpoint can hold back forms sent implausibly fast.
  if (opened) opened.value = new Date().toISOString();
  // Without the script a mailto form could not send: only now is it shown.
  if (form.dataset.mode === "mailto") form.hidden = false;

  // An address as the HTML standard defines it, with a dot in the domain.
  var EMAIL =
    /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

  function fields() {
    return Array.prototype.slice.call(form.querySelectorAll("[data-error-required]"));
  }

  function nameOf(field) {
    return field.dataset.field || field.name;
  }

  function control(field) {
    // The element an error links to: the field itself, or a group's first radio.
    return field.matches("input, textarea") ? field : field.querySelector("input");
  }

  function problem(field) {
    if (field.dataset.field) {
      return field.querySelector("input:checked") ? "" : field.dataset.errorRequired;
    }
    if (field.type === "checkbox") return field.checked ? "" : field.dataset.errorRequired;
    var value = field.value.trim();
    if (!value) return field.dataset.errorRequired;
    if (field.dataset.errorFormat && !EMAIL.test(value)) return field.dataset.errorFormat;
    return "";
  }

  function show(field, message) {
    var name = nameOf(field);
    var error = document.getElementById(name + "-error");
    var group = error.closest(".seom-form__group");
    var inputs = field.dataset.field ? field.querySelectorAll("input") : [field];
    error.textContent = "";
    if (message) {
      var prefix = document.createElement("span");
      prefix.className = "seom-visually-hidden";
      prefix.textContent = form.dataset.errorPrefix + " ";
      error.append(prefix, message);
    }
    error.hidden = !message;
    group.classList.toggle("seom-form__group--error", Boolean(message));
    Array.prototype.forEach.call(inputs, function (input) {
      if (message) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
    });
  }

  function summarise(errors) {
    list.textContent = "";
    errors.forEach(function (item) {
      var link = document.createElement("a");
      link.href = "#" + item.target.id;
      link.textContent = item.message;
      link.addEventListener("click", function (event) {
        event.preventDefault();
        item.target.focus();
      });
      var li = document.createElement("li");
      li.append(link);
      list.append(li);
    });
    summary.hidden = errors.length === 0;
    document.title = errors.length ? form.dataset.titlePrefix + title : title;
  }

  function mailto() {
    var lines = [];
    var request = form.querySelector("input[name=request]:checked");
    var subject = form.dataset.mailSubject;
    if (request) {
      var label = form.querySelector("label[for='" + request.id + "']").textContent;
      subject += ": " + label;
    }
    ["name", "email", "phone", "customer"].forEach(function (name) {
      var value = form.elements.namedItem(name).value.trim();
      var label = form.querySelector("label[for='" + name + "']").textContent;
      if (value) lines.push(label.replace(/ \(.*\)$/, "") + ": " + value);
    });
    lines.push("", form.elements.namedItem("message").value.trim());
    return (
      "mailto:" +
      form.dataset.mailto +
      "?subject=" +
      encodeURIComponent(subject) +
      "&body=" +
      encodeURIComponent(lines.join("\r\n"))
    );
  }

  form.addEventListener("submit", function (event) {
    var errors = [];
    fields().forEach(function (field) {
      var message = problem(field);
      show(field, message);
      if (message) errors.push({ target: control(field), message: message });
    });
    summarise(errors);
    if (errors.length) {
      event.preventDefault();
      summary.focus();
      return;
    }
    if (form.dataset.mode === "mailto") {
      event.preventDefault();
      window.location.href = mailto();
    } else if (form.dataset.mode === "none") {
      event.preventDefault();
      document.getElementById("not-configured").scrollIntoView();
    }
  });
})();
