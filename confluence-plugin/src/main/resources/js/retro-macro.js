/*
 * Fail Forward - blameless retro macro (failforward-retro).
 *
 * Fills each retro's header (div.ff-retro-header[data-issue-key]) from GET /rest/failforward-confluence/1.0/records/{key}:
 * the experiment's hypothesis, criteria, outcome and decision, or the incident's dates and failure type; the learnings
 * and action items so far; or the state's message (with the authenticate / add-a-link link). Once the record shows, it
 * asks GET /similar/{key} and adds "Have we failed like this before?": the similar past failures, each linked to Jira
 * with what it shares and its newest learnings, or the progress of Jira's index while it builds (nothing when there are
 * none); on an interactive retro (page view, logged in) each learning has a "Cite in this retro" button that records
 * the citation in Jira (POST /learnings/{id}/citations) and then reads "Cited". For a logged-in
 * user on a retro marked data-editable="true" it adds a small form to add a learning or a next step (POST to our REST
 * resource) and runs the blameless check over the retro's text, marking each phrase with its suggestion. User and Jira
 * text only ever reaches the page through textContent; labels come from the i18n bundle through the jsI18n transformer.
 */
(function (global) {
    'use strict';

    var kit = global.FailForward.kit;
    var format = kit.format;
    var el = kit.el;
    var link = kit.link;
    var request = kit.request;
    var meta = kit.meta;
    var when = kit.when;
    var day = kit.day;

    var TEXT = {
        failed: AJS.I18n.getText('failforward.retro.js.failed'),
        authorize: AJS.I18n.getText('failforward.retro.js.authorize'),
        addLink: AJS.I18n.getText('failforward.retro.js.addlink'),
        askAdmin: AJS.I18n.getText('failforward.archive.js.askadmin'),
        hypothesis: AJS.I18n.getText('failforward.retro.js.hypothesis'),
        successCriteria: AJS.I18n.getText('failforward.retro.js.successcriteria'),
        stopCriteria: AJS.I18n.getText('failforward.retro.js.stopcriteria'),
        outcome: AJS.I18n.getText('failforward.retro.js.outcome'),
        decision: AJS.I18n.getText('failforward.retro.js.decision'),
        discovered: AJS.I18n.getText('failforward.retro.js.discovered'),
        reported: AJS.I18n.getText('failforward.retro.js.reported'),
        resolved: AJS.I18n.getText('failforward.retro.js.resolved'),
        started: AJS.I18n.getText('failforward.retro.js.started'),
        decided: AJS.I18n.getText('failforward.retro.js.decided'),
        toReport: AJS.I18n.getText('failforward.retro.js.toreport'),
        minutes: AJS.I18n.getText('failforward.retro.js.duration.minutes'),
        hours: AJS.I18n.getText('failforward.retro.js.duration.hours'),
        days: AJS.I18n.getText('failforward.retro.js.duration.days'),
        failureType: AJS.I18n.getText('failforward.retro.js.failuretype'),
        failureCategory: AJS.I18n.getText('failforward.retro.js.failurecategory'),
        status: AJS.I18n.getText('failforward.retro.js.status'),
        learnings: AJS.I18n.getText('failforward.retro.js.learnings'),
        actions: AJS.I18n.getText('failforward.retro.js.actions'),
        none: AJS.I18n.getText('failforward.retro.js.none'),
        owner: AJS.I18n.getText('failforward.retro.js.owner'),
        due: AJS.I18n.getText('failforward.retro.js.due'),
        addTitle: AJS.I18n.getText('failforward.retro.js.add.title'),
        addText: AJS.I18n.getText('failforward.retro.js.add.text'),
        addKind: AJS.I18n.getText('failforward.retro.js.add.kind'),
        addSubmit: AJS.I18n.getText('failforward.retro.js.add.submit'),
        added: AJS.I18n.getText('failforward.retro.js.add.done'),
        kindInsight: AJS.I18n.getText('failforward.failuredb.learningkind.insight'),
        kindSurprise: AJS.I18n.getText('failforward.failuredb.learningkind.surprise'),
        kindWentWell: AJS.I18n.getText('failforward.failuredb.learningkind.went_well'),
        kindGotLucky: AJS.I18n.getText('failforward.failuredb.learningkind.got_lucky'),
        kindNextStep: AJS.I18n.getText('failforward.retro.js.kind.nextstep'),
        checkTitle: AJS.I18n.getText('failforward.retro.js.check.title'),
        checkOk: AJS.I18n.getText('failforward.retro.js.check.ok'),
        checkSuggestion: AJS.I18n.getText('failforward.retro.js.check.suggestion'),
        similarTitle: AJS.I18n.getText('failforward.similar.js.title'),
        cite: AJS.I18n.getText('failforward.cite.js.cite'),
        citeLabel: AJS.I18n.getText('failforward.cite.js.cite.label'),
        citing: AJS.I18n.getText('failforward.cite.js.citing'),
        cited: AJS.I18n.getText('failforward.cite.js.cited'),
        citeFailed: AJS.I18n.getText('failforward.cite.js.failed'),
        learnedHere: AJS.I18n.getText('failforward.cite.js.learnings')
    };

    /** The patterns of the similar past failures' list (FailForward.kit.similarList). */
    var SIMILAR_TEXT = {
        shares: AJS.I18n.getText('failforward.similar.js.shares'),
        building: AJS.I18n.getText('failforward.similar.js.building')
    };

    /** How many similar past failures the header shows. */
    var SIMILAR_MAX = 5;

    /** Labels of the failure types and categories Jira sends as lower-case names (the domain's own texts). */
    var LABELS = {
        basic: AJS.I18n.getText('failforward.incident.failuretype.basic'),
        complex: AJS.I18n.getText('failforward.incident.failuretype.complex'),
        intelligent: AJS.I18n.getText('failforward.incident.failuretype.intelligent'),
        design_flaw: AJS.I18n.getText('failforward.incident.failurecategory.design_flaw'),
        data_gap: AJS.I18n.getText('failforward.incident.failurecategory.data_gap'),
        process_deviation: AJS.I18n.getText('failforward.incident.failurecategory.process_deviation'),
        external_shock: AJS.I18n.getText('failforward.incident.failurecategory.external_shock'),
        other: AJS.I18n.getText('failforward.incident.failurecategory.other')
    };

    var KINDS = [
        ['insight', TEXT.kindInsight], ['surprise', TEXT.kindSurprise], ['went_well', TEXT.kindWentWell],
        ['got_lucky', TEXT.kindGotLucky], ['next-step', TEXT.kindNextStep]
    ];

    function facts(list, label, value) {
        if (value) {
            list.appendChild(el('dt', null, label));
            list.appendChild(el('dd', null, value));
        }
    }

    /** The time between two ISO instants ("45 min", "3 h 20 min", "2 d 4 h"); null when either is missing. */
    function between(fromIso, toIso) {
        var millis = fromIso && toIso ? new Date(toIso).getTime() - new Date(fromIso).getTime() : NaN;
        if (isNaN(millis) || millis < 0) {
            return null;
        }
        var minutes = Math.round(millis / 60000);
        if (minutes < 60) {
            return format(TEXT.minutes, minutes);
        }
        var hours = Math.floor(minutes / 60);
        if (hours < 48) {
            return format(TEXT.hours, hours, minutes % 60);
        }
        return format(TEXT.days, Math.floor(hours / 24), hours % 24);
    }


    /** A failure type or category by its label; other Jira enum names read as words ("scale_up": "scale up"). */
    function words(name) {
        return name ? LABELS[name] || String(name).replace(/_/g, ' ') : name;
    }

    function renderRecord(header, data) {
        header.textContent = '';
        header.setAttribute('data-state', data.state);
        if (data.state !== 'ok') {
            header.appendChild(kit.stateBox(data, TEXT, 'ff-retro'));
            return;
        }
        var record = data.record;
        header.appendChild(el('p', 'ff-retro-summary', data.issueKey + (record.summary ? ': ' + record.summary : '')));
        var list = el('dl', 'ff-retro-facts');
        facts(list, TEXT.status, record.status);
        if (record.kind === 'incident') {
            facts(list, TEXT.discovered, when(record.discoveredAt));
            facts(list, TEXT.reported, when(record.reportedAt));
            facts(list, TEXT.toReport, between(record.discoveredAt, record.reportedAt));
            facts(list, TEXT.resolved, when(record.resolvedAt));
            facts(list, TEXT.failureType, words(record.failureType));
            facts(list, TEXT.failureCategory, words(record.failureCategory));
        } else {
            facts(list, TEXT.hypothesis, record.hypothesis);
            facts(list, TEXT.successCriteria, record.successCriteria);
            facts(list, TEXT.stopCriteria, record.stopCriteria);
            facts(list, TEXT.started, when(record.startedAt));
            facts(list, TEXT.outcome, words(record.outcome));
            facts(list, TEXT.decision, words(record.decision));
            facts(list, TEXT.decided, when(record.decidedAt));
            facts(list, TEXT.failureType, words(record.failureType));
        }
        header.appendChild(list);
        header.appendChild(el('h4', null, TEXT.learnings));
        header.appendChild(items(data.learnings, function (l) {
            return l.text;
        }, 'ff-retro-learnings'));
        header.appendChild(el('h4', null, TEXT.actions));
        header.appendChild(items(data.actionItems, function (a) {
            var parts = [a.description];
            if (a.ownerKey) {
                parts.push(TEXT.owner + ' ' + (a.ownerName || a.ownerKey));
            }
            if (a.dueDate) {
                parts.push(TEXT.due + ' ' + day(a.dueDate));
            }
            return parts.join(' - ');
        }, 'ff-retro-actions'));
    }

    function items(list, text, className) {
        if (!list || list.length === 0) {
            return el('p', className + ' ff-retro-none', TEXT.none);
        }
        var ul = el('ul', className);
        list.forEach(function (item) {
            ul.appendChild(el('li', null, text(item)));
        });
        return ul;
    }

    /**
     * "Have we failed like this before?" under the record: the similar past failures of GET /similar/{key} (state ok),
     * or the index's progress while Jira builds it. Nothing when there are none, and nothing for the other states: the
     * record above already says what is wrong with Jira (and an older Jira without the search answers not-found).
     */
    function renderSimilar(header, data, pageId) {
        var old = header.querySelector('.ff-retro-similar');
        if (old) {
            old.parentNode.removeChild(old);
        }
        var content = data && data.state === 'ok' ? kit.similarList(data, SIMILAR_TEXT) : null;
        if (!content) {
            return;
        }
        (data.matches || []).forEach(function (match, i) {
            var item = content.children[i];
            if (item && match.learnings && match.learnings.length) {
                item.appendChild(learnings(match.learnings, pageId));
            }
        });
        var section = el('section', 'ff-retro-similar');
        section.setAttribute('data-index-state', (data.index && data.index.state) || '');
        section.appendChild(el('h4', null, TEXT.similarTitle));
        section.appendChild(content);
        header.appendChild(section);
    }

    /**
     * A similar failure's learnings; with a page id (an interactive retro), each with its "Cite in this retro" button.
     * The text reaches the page through textContent only.
     */
    function learnings(list, pageId) {
        var ul = el('ul', 'ff-similar-learnings');
        ul.setAttribute('aria-label', TEXT.learnedHere);
        list.forEach(function (learning) {
            var li = el('li', 'ff-similar-learning');
            li.setAttribute('data-learning-id', String(learning.id));
            li.appendChild(el('span', 'ff-similar-learning-text', learning.text));
            if (pageId) {
                li.appendChild(citeButton(learning, pageId));
            }
            ul.appendChild(li);
        });
        return ul;
    }

    /**
     * "Cite in this retro": records the citation (201 new, 200 already recorded: both read "Cited", and the button
     * stays disabled; a learning this page cited before reads "Cited" from the start); any other answer shows its message next to the button and lets the user try again.
     */
    function citeButton(learning, pageId) {
        var wrap = el('span', 'ff-cite');
        var button = el('button', 'aui-button aui-button-compact ff-cite-button', TEXT.cite);
        button.type = 'button';
        button.setAttribute('aria-label', format(TEXT.citeLabel, learning.text));
        var result = el('span', 'ff-cite-result');
        result.setAttribute('role', 'status');
        if (learning.cited) {
            button.textContent = TEXT.cited;
            button.disabled = true;
            button.removeAttribute('aria-label');
            wrap.setAttribute('data-cited', 'true');
        }
        button.addEventListener('click', function () {
            button.disabled = true;
            button.textContent = TEXT.citing;
            result.textContent = '';
            request('POST', '/learnings/' + encodeURIComponent(learning.id) + '/citations', {pageId: pageId},
                function (status, json) {
                    if ((status === 201 || status === 200) && json && json.state === 'ok') {
                        button.textContent = TEXT.cited;
                        button.removeAttribute('aria-label');
                        wrap.setAttribute('data-cited', 'true');
                        return;
                    }
                    button.disabled = false;
                    button.textContent = TEXT.cite;
                    var message = json && json.errors && json.errors.length
                        ? json.errors.map(function (e) { return e.message; }).join(' ')
                        : (json && json.message) || TEXT.citeFailed;
                    result.className = 'ff-cite-result ff-cite-error';
                    result.appendChild(el('span', null, message));
                    if (json && json.state === 'authorize' && json.authorizeUri) {
                        result.appendChild(document.createTextNode(' '));
                        result.appendChild(link(json.authorizeUri, TEXT.authorize));
                    }
                });
        });
        wrap.appendChild(button);
        wrap.appendChild(result);
        return wrap;
    }

    /**
     * Loads the similar past failures once the record shows (never before: the page and the record come first). Only
     * the answer to the newest request is shown, and only under the record it was asked for.
     */
    function loadSimilar(header, key) {
        var ticket = (header.ffSimilarTicket || 0) + 1;
        header.ffSimilarTicket = ticket;
        var pageId = citePageId(header);
        request('GET', '/similar/' + encodeURIComponent(key) + '?max=' + SIMILAR_MAX
                + (pageId ? '&pageId=' + encodeURIComponent(pageId) : ''), undefined, function (status, json) {
            if (ticket !== header.ffSimilarTicket || header.getAttribute('data-state') !== 'ok') {
                return;
            }
            if (status === 200 && json) {
                renderSimilar(header, json, pageId);
            }
        });
    }

    /**
     * The page a learning may be cited from: this page's id on an interactive retro (a page view, data-editable, for a
     * logged-in user), else null (learnings show, without buttons).
     */
    function citePageId(header) {
        var retro = header.closest ? header.closest('.ff-retro') : null;
        var loggedIn = !!(global.AJS && AJS.Meta && AJS.Meta.get('remote-user'));
        var pageId = meta('page-id');
        return retro && loggedIn && retro.getAttribute('data-editable') === 'true' && /^[1-9][0-9]*$/.test(pageId || '')
            ? pageId : null;
    }

    function load(retro) {
        var header = retro.querySelector('.ff-retro-header');
        var key = retro.getAttribute('data-issue-key');
        if (!header || !key) {
            return;
        }
        header.ffSimilarTicket = (header.ffSimilarTicket || 0) + 1; // an older similar answer is now out of date
        request('GET', '/records/' + encodeURIComponent(key), undefined, function (status, json) {
            if (status === 200 && json && json.state) {
                renderRecord(header, json);
                if (json.state === 'ok') {
                    loadSimilar(header, key);
                }
            } else {
                renderRecord(header, {state: 'unavailable', message: (json && json.message) || TEXT.failed});
            }
        });
    }

    function addForm(retro) {
        var key = retro.getAttribute('data-issue-key');
        var form = el('form', 'aui ff-retro-add');
        form.appendChild(el('h4', null, TEXT.addTitle));
        var kind = el('select', 'select');
        kind.setAttribute('aria-label', TEXT.addKind);
        KINDS.forEach(function (k) {
            var option = el('option', null, k[1]);
            option.value = k[0];
            kind.appendChild(option);
        });
        var text = el('textarea', 'textarea');
        text.setAttribute('aria-label', TEXT.addText);
        text.setAttribute('placeholder', TEXT.addText);
        var owner = el('input', 'text ff-retro-owner');
        owner.setAttribute('placeholder', TEXT.owner);
        var due = el('input', 'text ff-retro-due');
        due.type = 'date';
        due.setAttribute('aria-label', TEXT.due);
        var submit = el('button', 'aui-button', TEXT.addSubmit);
        submit.type = 'submit';
        var result = el('div', 'ff-retro-add-result');
        [kind, text, owner, due, submit, result].forEach(function (node) {
            form.appendChild(node);
        });
        form.addEventListener('submit', function (event) {
            event.preventDefault();
            var nextStep = kind.value === 'next-step';
            var url = '/records/' + encodeURIComponent(key) + (nextStep ? '/actions' : '/learnings');
            var body = nextStep
                ? {description: text.value, owner: owner.value || null, dueDate: due.value || null, type: 'process'}
                : {text: text.value, kind: kind.value, pageId: meta('page-id') || null, pageTitle: meta('page-title') || null};
            submit.disabled = true;
            request('POST', url, body, function (status, json) {
                submit.disabled = false;
                result.textContent = '';
                if (status === 201) {
                    result.appendChild(el('p', 'ff-retro-added', TEXT.added));
                    text.value = '';
                    load(retro);
                    return;
                }
                var errors = json && json.errors && json.errors.length ? json.errors : [{message: (json && json.message) || TEXT.failed}];
                var ul = el('ul', 'ff-retro-errors');
                errors.forEach(function (e) {
                    // Jira's and the proxy's messages open with the field's name ("Learning: write what you learned.")
                    var li = el('li', null, e.message);
                    if (e.field) {
                        li.setAttribute('data-field', e.field);
                    }
                    ul.appendChild(li);
                });
                result.appendChild(ul);
            });
        });
        retro.appendChild(form);
    }

    /** Wraps text.substring(start, end) in a mark when it lies inside one text node of root (else leaves it). */
    function mark(root, start, end, title) {
        var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, null);
        var offset = 0;
        var node;
        while ((node = walker.nextNode())) {
            var length = node.nodeValue.length;
            if (start >= offset && end <= offset + length) {
                var range = document.createRange();
                range.setStart(node, start - offset);
                range.setEnd(node, end - offset);
                var m = el('mark', 'ff-blame-mark');
                m.setAttribute('title', title);
                range.surroundContents(m);
                return;
            }
            offset += length;
        }
    }

    function check(retro) {
        var body = retro.querySelector('.ff-retro-body');
        if (!body) {
            return;
        }
        request('POST', '/blameless/check', {text: body.textContent}, function (status, json) {
            if (status !== 200 || !json) {
                return;
            }
            var panel = el('div', 'ff-retro-check');
            panel.appendChild(el('h4', null, TEXT.checkTitle));
            if (json.findings.length === 0) {
                panel.appendChild(el('p', 'ff-retro-check-ok', TEXT.checkOk));
            } else {
                var ul = el('ul', 'ff-retro-findings');
                json.findings.forEach(function (f) {
                    var li = el('li', 'ff-finding');
                    li.setAttribute('data-code', f.code);
                    li.appendChild(el('strong', null, f.message));
                    li.appendChild(el('span', null, ' ' + TEXT.checkSuggestion + ' ' + f.suggestion));
                    ul.appendChild(li);
                });
                panel.appendChild(ul);
                // from the last finding backwards, so earlier offsets stay valid while marks split text nodes
                json.findings.slice().reverse().forEach(function (f) {
                    mark(body, f.start, f.end, f.suggestion);
                });
            }
            retro.appendChild(panel);
        });
    }

    function init() {
        var loggedIn = !!(global.AJS && AJS.Meta && AJS.Meta.get('remote-user'));
        Array.prototype.forEach.call(document.querySelectorAll('.ff-retro'), function (retro) {
            load(retro);
            if (loggedIn && retro.getAttribute('data-editable') === 'true') {
                if (retro.getAttribute('data-issue-key')) {
                    addForm(retro);
                }
                check(retro);
            }
        });
    }

    global.FailForward = global.FailForward || {};
    global.FailForward.retro = {init: init, renderRecord: renderRecord, renderSimilar: renderSimilar};

    if (typeof AJS.toInit === 'function') {
        AJS.toInit(init);
    } else {
        document.addEventListener('DOMContentLoaded', init);
    }
}(window));
