/*
 * Fail Forward - what the dashboard items share (AMD module failforward/dashboard-kit): loading an item's data (the
 * newest answer only, loading state, log in / no permission, error with retry), DOM building through
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

    /**
     * Loads an item's data as every Fail Forward dashboard item does. Only the newest load's answer is shown
     * ({@code item.loads} counts them); until Jira answers, the item shows a status line ({@code options.loadingClass},
     * {@code texts.loading}), is aria-busy and the dashboard shows its loading bar. Then {@code options.ok(body)} when
     * the answer is the item's data ({@code options.isData(body)}); for 401 / 403 the log-in or no-permission box
     * (data-state forbidden); otherwise the error box (data-state error) whose "try again" ({@code options.retryClass})
     * calls {@code options.retry}. {@code item}: {API, root, loads, reset(state)}; {@code options.texts}: loading,
     * errorTitle, errorGeneric, retry and {@link forbiddenBox}'s texts; {@code options.url} is relative to Jira's base URL.
     */
    function load(item, options) {
        var ticket = ++item.loads;
        var texts = options.texts;
        item.reset('loading');
        var status = el('p', options.loadingClass, texts.loading);
        status.setAttribute('role', 'status');
        item.root.appendChild(status);
        item.root.setAttribute('aria-busy', 'true');
        item.API.showLoadingBar();
        function answered() {
            item.API.hideLoadingBar();
            item.root.removeAttribute('aria-busy');
        }
        function failed(text) {
            item.reset('error');
            item.root.appendChild(errorBox(texts.errorTitle, text, texts.retry, options.retryClass, options.retry));
            item.API.resize();
        }
        fetch(baseUrl() + options.url, {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
            .then(function (response) {
                return readJson(response).then(function (body) {
                    if (ticket !== item.loads) {
                        return;
                    }
                    answered();
                    if (response.ok && body && options.isData(body)) {
                        options.ok(body);
                    } else if (response.status === 401 || response.status === 403) {
                        showForbidden(item, response.status, body, texts);
                    } else {
                        failed(serverMessage(body, texts.errorGeneric));
                    }
                });
            }, function () {
                if (ticket === item.loads) {
                    answered();
                    failed(texts.errorGeneric);
                }
            });
    }

    var PROJECT_KEY = /^[A-Z][A-Z0-9_]*$/;

    /** "OPS, care" -> ["OPS", "CARE"] (blanks between commas skipped); null when one is not a project key. */
    function projectKeys(text) {
        var keys = String(text || '').split(',').map(function (k) {
            return k.trim().toUpperCase();
        }).filter(function (k) {
            return k.length > 0;
        });
        for (var i = 0; i < keys.length; i++) {
            if (!PROJECT_KEY.test(keys[i])) {
                return null;
            }
        }
        return keys;
    }

    /** The item shows the log-in (401) or no-permission (403) box: data-state forbidden. */
    function showForbidden(item, status, body, texts) {
        item.reset('forbidden');
        item.root.appendChild(forbiddenBox(status, body, texts));
        item.API.resize();
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

    /**
     * The edit view of an item whose one preference is "projects" (comma-separated keys): one text field, Save and
     * Cancel; a key that is not a project key (or none, when options.required) is refused in the field's error line,
     * else the keys are saved upper case. options: {formClass, required, texts: {title, projectsLabel, projectsHelp,
     * save, cancel, projectsInvalid (with {0}: what was typed), projectsRequired}}.
     */
    function projectsEdit(item, element, preferences, options) {
        var texts = options.texts;
        item.loads++;
        item.root = nodeOf(element);
        item.reset('edit');
        item.API.setTitle(texts.title);
        var form = el('form', 'aui ' + options.formClass);
        form.noValidate = true;
        form.setAttribute('action', '#');
        var field = textField(form, item.id + '-projects', texts.projectsLabel, texts.projectsHelp,
            String((preferences || {}).projects || ''), 'long-field');
        saveAndCancel(form, texts.save, texts.cancel).cancel.addEventListener('click', function () {
            item.API.closeEdit();
        });
        form.addEventListener('submit', function (event) {
            event.preventDefault();
            var keys = projectKeys(field.input.value);
            if (!keys || (options.required && !keys.length)) {
                showFieldError(field, keys ? texts.projectsRequired
                    : format(texts.projectsInvalid, field.input.value.trim()));
                field.input.focus();
                item.API.resize();
                return;
            }
            clearFieldError(field);
            item.API.savePreferences({projects: keys.join(',')});
        });
        item.root.appendChild(form);
        item.API.resize();
    }

    return {
        load: load,
        projectsEdit: projectsEdit,
        projectKeys: projectKeys,
        showForbidden: showForbidden,
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
