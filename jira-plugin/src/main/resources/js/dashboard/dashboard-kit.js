/*
 * Fail Forward - what the dashboard items share (AMD module failforward/dashboard-kit): DOM building through
 * textContent only, {0}-style message formatting, AUI messages, the server's error text, and the small facts of the
 * page (the item's node, the context path, the page language).
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

    return {
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
