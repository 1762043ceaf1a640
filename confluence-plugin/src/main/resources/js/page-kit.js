/*
 * Fail Forward - what the Confluence plugin's page scripts (retro macro, learnings archive) share: text-only DOM nodes,
 * links that take only http(s) and root-relative addresses, JSON requests to the plugin's REST resource
 * (/rest/failforward-confluence/1.0 under Confluence's context path), and {0} patterns. A plain global,
 * FailForward.kit, loaded before them (their web resources depend on this one): Confluence page scripts are not AMD.
 */
(function (global) {
    'use strict';

    var REST = '/rest/failforward-confluence/1.0';

    function contextPath() {
        return global.AJS && typeof global.AJS.contextPath === 'function' ? global.AJS.contextPath() : '';
    }

    /** {0}, {1} ... replaced by the arguments (AJS.format where AUI is there). */
    function format(pattern) {
        var args = Array.prototype.slice.call(arguments, 1);
        if (global.AJS && typeof global.AJS.format === 'function') {
            return global.AJS.format.apply(global.AJS, [pattern].concat(args));
        }
        return String(pattern).replace(/\{(\d+)\}/g, function (match, index) {
            return args[index] !== undefined ? String(args[index]) : match;
        });
    }

    /** An element with a class and text (never markup: user and Jira text only reaches the page as text). */
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

    /** Only http(s) and root-relative links reach an href (Jira's issue and authorize URLs, our admin URL). */
    function link(href, label, className) {
        var a = el('a', className, label);
        if (href && /^(https?:\/\/|\/)/i.test(href)) {
            a.setAttribute('href', href);
        }
        return a;
    }

    /** A JSON request to the plugin's REST resource; done(status, json) with status 0 when the network failed. */
    function request(method, url, body, done) {
        var xhr = new XMLHttpRequest();
        xhr.open(method, contextPath() + REST + url);
        xhr.setRequestHeader('Accept', 'application/json');
        if (body !== undefined) {
            xhr.setRequestHeader('Content-Type', 'application/json');
        }
        xhr.onload = function () {
            var json = null;
            try {
                json = JSON.parse(xhr.responseText);
            } catch (e) {
                json = null;
            }
            done(xhr.status, json);
        };
        xhr.onerror = function () {
            done(0, null);
        };
        xhr.send(body === undefined ? null : JSON.stringify(body));
    }

    global.FailForward = global.FailForward || {};
    global.FailForward.kit = {contextPath: contextPath, format: format, el: el, link: link, request: request};
}(window));
