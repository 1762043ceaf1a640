/*
 * Fail Forward - what the dashboard items share (AMD module failforward/dashboard-kit): DOM building through
 * textContent only, {0}-style message formatting, AUI messages (error with retry, log in / no permission), the
 * server's error text, AUI form fields with their error line and Save/Cancel, and the small facts of the page (the
 * item's node, the context path, the page language).
 */
define('failforward/dashboard-kit', ['jquery', 'wrm/context-path'], function ($, contextPath) {
    'use strict';

    /** A new element with a class and text (never HTML). */
    function el(tag, className, content) {
        var node = document.createElement(tag);
        if (className) {
            node.className = className;
        }
        if (content !== undefined && content !== null) {
            node.textContent = content;
        }
        return node;
    }

    /** "Hidden: fewer than {0} answers" with 5 -> "Hidden: fewer than 5 answers". */
    function format(template) {
        var args = arguments;
        return String(template).replace(/\{(\d+)\}/g, function (placeholder, index) {
            var value = args[Number(index) + 1];
            return value === undefined || value === null ? placeholder : String(value);
        });
    }

    /** Jira hands an item a DOM node or a jQuery object. */
    function nodeOf(element) {
        return $(element).get(0);
    }

    function locale() {
        return document.documentElement.lang || undefined;
    }

    function baseUrl() {
        return typeof contextPath === 'function' ? contextPath() : '';
    }

    /** An AUI message box (info, success, warning, error); errors and warnings are announced. */
    function message(kind, title, text) {
        var box = el('div', 'aui-message aui-message-' + kind);
        if (kind !== 'info') {
            box.setAttribute('role', kind === 'success' ? 'status' : 'alert');
        }
        if (title) {
            var p = el('p', 'title');
            p.appendChild(el('strong', null, title));
            box.appendChild(p);
        }
        if (text) {
            box.appendChild(el('p', null, text));
        }
        return box;
    }

    /** The first field error's message, else the body's message, else the fallback. */
    function serverMessage(body, fallback) {
        if (body && body.errors && body.errors.length && body.errors[0].message) {
            return body.errors[0].message;
        }
        return body && body.message ? body.message : fallback;
    }

    /** The response's JSON, or null when it has none. */
    function readJson(response) {
        return response.json().catch(function () {
            return null;
        });
    }

    /** An error message with a retry button that calls {@code onRetry}. */
    function errorBox(title, text, retryLabel, retryClass, onRetry) {
        var box = message('error', title, text);
        var retry = el('button', 'aui-button ' + retryClass, retryLabel);
        retry.type = 'button';
        retry.addEventListener('click', onRetry);
        box.appendChild(retry);
        return box;
    }

    /**
     * 401: "log in" with a link back to this page; 403: the server's message. {@code texts}: loginTitle, loginLink,
     * forbiddenTitle, forbiddenGeneric.
     */
    function forbiddenBox(status, body, texts) {
        if (status !== 401) {
            return message('warning', texts.forbiddenTitle, serverMessage(body, texts.forbiddenGeneric));
        }
        var box = message('warning', texts.loginTitle, body && body.message ? body.message : null);
        var link = el('a', null, texts.loginLink);
        link.href = baseUrl() + '/login.jsp?os_destination=' + encodeURIComponent(
            window.location.pathname.slice(baseUrl().length) + window.location.search);
        box.appendChild(el('p')).appendChild(link);
        return box;
    }

    /** An AUI text field group with a description and an error line; returns {input, error}. */
    function textField(form, id, labelText, help, value, widthClass) {
        var group = el('div', 'field-group');
        var label = el('label', null, labelText);
        label.htmlFor = id;
        var input = el('input', 'text ' + (widthClass || 'long-field'));
        input.type = 'text';
        input.id = id;
        input.setAttribute('autocomplete', 'off');
        input.value = value || '';
        var description = el('div', 'description', help);
        description.id = id + '-description';
        var error = el('div', 'error');
        error.id = id + '-error';
        input.setAttribute('aria-describedby', description.id + ' ' + error.id);
        group.appendChild(label);
        group.appendChild(input);
        group.appendChild(description);
        group.appendChild(error);
        form.appendChild(group);
        return {input: input, error: error};
    }

    function showFieldError(field, text) {
        field.error.textContent = text;
        field.input.setAttribute('aria-invalid', 'true');
    }

    function clearFieldError(field) {
        field.error.textContent = '';
        field.input.removeAttribute('aria-invalid');
    }

    /** The form's Save (submit) and Cancel buttons; returns {save, cancel}. */
    function saveAndCancel(form, saveLabel, cancelLabel) {
        var buttons = el('div', 'buttons');
        var save = el('button', 'aui-button aui-button-primary', saveLabel);
        save.type = 'submit';
        var cancel = el('button', 'aui-button aui-button-link', cancelLabel);
        cancel.type = 'button';
        buttons.appendChild(save);
        buttons.appendChild(cancel);
        form.appendChild(el('div', 'buttons-container')).appendChild(buttons);
        return {save: save, cancel: cancel};
    }

    return {
        errorBox: errorBox,
        forbiddenBox: forbiddenBox,
        textField: textField,
        showFieldError: showFieldError,
        clearFieldError: clearFieldError,
        saveAndCancel: saveAndCancel,
        el: el,
        format: format,
        nodeOf: nodeOf,
        locale: locale,
        baseUrl: baseUrl,
        message: message,
        serverMessage: serverMessage,
        readJson: readJson
    };
});
