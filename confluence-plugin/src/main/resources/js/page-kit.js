/*
 * Fail Forward - what the Confluence plugin's page scripts (retro macro, huddle board, learnings archive) share:
 * text-only DOM nodes, links that take only http(s) and root-relative addresses, JSON requests to the plugin's REST
 * resource (/rest/failforward-confluence/1.0 under Confluence's context path), {0} patterns, Jira's instants and days
 * in the reader's language, the page's meta values, the message of a state other than ok, and the list of similar
 * past failures the retro and the archive show. A plain global,
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

    /**
     * The past failures of a GET /similar/{key} answer in state ok, for the retro header and the archive's "More like
     * this": a list of the matches (the key linking to the issue in Jira, its summary, "shares: ..." with what it has in
     * common), or while Jira's index builds (and so has no matches) a line with its progress; null when there is nothing
     * to show. text.shares and text.building are {0} patterns in the calling script's words (its i18n).
     */
    function similarList(data, text) {
        var matches = (data && data.matches) || [];
        if (matches.length === 0) {
            if (data && data.index && data.index.state === 'building') {
                return el('p', 'ff-similar-building', format(text.building, data.index.percent || 0));
            }
            return null;
        }
        var list = el('ul', 'ff-similar-list');
        matches.forEach(function (match) {
            var item = el('li', 'ff-similar-match');
            item.setAttribute('data-issue-key', match.key);
            item.appendChild(match.url ? link(match.url, match.key, 'ff-similar-key') : el('span', 'ff-similar-key', match.key));
            if (match.summary) {
                item.appendChild(el('span', 'ff-similar-summary', match.summary));
            }
            if (match.reasons && match.reasons.length) {
                item.appendChild(el('span', 'ff-similar-reasons', format(text.shares, match.reasons.join(', '))));
            }
            list.appendChild(item);
        });
        return list;
    }

    /** A value of the page's ajs-* meta tags (AJS.Meta: page-id, page-title, remote-user, ...), or null. */
    function meta(name) {
        return global.AJS && AJS.Meta && typeof AJS.Meta.get === 'function' ? AJS.Meta.get(name) : null;
    }

    /** An ISO instant from Jira in the reader's language and zone ("21 Nov 2026, 14:05"); other text as it is. */
    function when(iso) {
        var date = iso ? new Date(iso) : null;
        if (!date || isNaN(date.getTime())) {
            return iso;
        }
        try {
            return date.toLocaleString(undefined, {dateStyle: 'medium', timeStyle: 'short'});
        } catch (e) {
            return date.toLocaleString();
        }
    }

    /**
     * A calendar date from Jira (yyyy-MM-dd) in the reader's language ("15 Jan 2027"): the same day in every time zone,
     * so it is read as a local date, never as midnight UTC. Other text as it is.
     */
    function day(iso) {
        var parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
        if (!parts) {
            return iso;
        }
        var date = new Date(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3]));
        try {
            return date.toLocaleDateString(undefined, {dateStyle: 'medium'});
        } catch (e) {
            return date.toLocaleDateString();
        }
    }

    /**
     * The message of a state other than ok of our REST answers (no-link, authorize, unavailable, not-found, forbidden;
     * "error" for an answer that was not one): Jira's or the proxy's message (text.failed when there is none), the
     * authorize link, the link to add an application link (administrators; others are told to ask one), and for
     * unavailable / error a "try again" button calling retry when one is given. Classes: prefix-state, prefix-link,
     * prefix-ask-admin, prefix-retry. text: {failed, authorize, addLink, askAdmin, retry}.
     */
    function stateBox(data, text, prefix, retry) {
        var broken = data.state === 'unavailable' || data.state === 'error';
        var box = el('div', 'aui-message aui-message-' + (broken ? 'warning' : 'info') + ' ' + prefix + '-state');
        box.setAttribute('data-state', data.state || 'error');
        box.appendChild(el('p', null, data.message || text.failed));
        if (data.state === 'authorize' && data.authorizeUri) {
            box.appendChild(link(data.authorizeUri, text.authorize, prefix + '-link'));
        } else if (data.state === 'no-link' && data.adminUrl) {
            box.appendChild(link(contextPath() + data.adminUrl, text.addLink, prefix + '-link'));
        } else if (data.state === 'no-link') {
            // the admin page's link goes to administrators only
            box.appendChild(el('p', prefix + '-ask-admin', text.askAdmin));
        } else if (broken && retry) {
            var again = el('button', 'aui-button ' + prefix + '-retry', text.retry);
            again.type = 'button';
            again.addEventListener('click', retry);
            box.appendChild(again);
        }
        return box;
    }

    global.FailForward = global.FailForward || {};
    global.FailForward.kit = {
        contextPath: contextPath, format: format, el: el, link: link, request: request, similarList: similarList,
        meta: meta, when: when, day: day, stateBox: stateBox
    };
}(window));
