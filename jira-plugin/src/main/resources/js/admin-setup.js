/*
 * Fail Forward admin page: calls POST /rest/failforward/1.0/admin/setup (and …/projects/{key}) and lists what was
 * created or found. Text comes from the page's data attributes (rendered from i18n); user input only reaches the page
 * through textContent. The page requires this script as a web resource, which the decorator writes into the head: it
 * starts once the document is parsed.
 */
(function (start) {
    'use strict';
    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
}(function () {
    'use strict';

    var root = document.querySelector('.ff-admin-setup');
    if (!root) {
        return;
    }
    var base = root.getAttribute('data-context-path') + '/rest/failforward/1.0/admin/setup';
    var result = document.getElementById('ff-setup-result');

    function show(lines, failed) {
        result.textContent = '';
        result.className = 'ff-setup-result' + (failed ? ' ff-failed' : '');
        var list = document.createElement('ul');
        lines.forEach(function (line) {
            var item = document.createElement('li');
            item.textContent = line;
            list.appendChild(item);
        });
        result.appendChild(list);
    }

    function run(url) {
        show([result.getAttribute('data-working')], false);
        fetch(url, {
            method: 'POST',
            credentials: 'same-origin',
            headers: {'Accept': 'application/json', 'Content-Type': 'application/json', 'X-Atlassian-Token': 'no-check'},
            body: '{}'
        }).then(function (response) {
            return response.json().then(function (body) {
                if (!response.ok) {
                    show([result.getAttribute('data-failed'), body.message || String(response.status)], true);
                    return;
                }
                var created = body.items.filter(function (i) { return i.outcome !== 'found'; });
                var lines = [result.getAttribute('data-created') + ' ' + created.length,
                    result.getAttribute('data-found') + ' ' + (body.items.length - created.length)];
                created.forEach(function (i) { lines.push(i.kind + ' ' + i.key + ': ' + i.outcome); });
                body.warnings.forEach(function (w) { lines.push(w); });
                show(lines, false);
            });
        }).catch(function () {
            show([result.getAttribute('data-failed')], true);
        });
    }

    // ----- the failure database's rebuild from Jira: progress, refreshed while it runs
    var backfillUrl = root.getAttribute('data-context-path') + '/rest/failforward/1.0/admin/backfill';
    var state = document.getElementById('ff-backfill-state');
    var bar = document.getElementById('ff-backfill-progress');
    var queue = document.getElementById('ff-backfill-queue');
    var timer = null;

    function showProgress(p) {
        state.textContent = p.requested ? p.requested + ' ' + p.message : p.message;
        bar.hidden = p.state !== 'running';
        bar.max = Math.max(p.total, 1);
        bar.value = p.processed;
        queue.textContent = queue.getAttribute('data-template')
            .replace('{0}', String(p.node.waiting)).replace('{1}', String(p.node.dropped));
        clearTimeout(timer);
        if (p.state === 'running') {
            timer = setTimeout(loadProgress, 3000);
        }
    }

    function loadProgress() {
        fetch(backfillUrl, {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
            .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
            .then(showProgress)
            .catch(function () { state.textContent = result.getAttribute('data-failed'); });
    }

    document.getElementById('ff-backfill-run').addEventListener('click', function () {
        fetch(backfillUrl, {
            method: 'POST',
            credentials: 'same-origin',
            headers: {'Accept': 'application/json', 'Content-Type': 'application/json', 'X-Atlassian-Token': 'no-check'},
            body: '{}'
        }).then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
            .then(function (p) {
                showProgress(p);
                timer = setTimeout(loadProgress, 3000);
            })
            .catch(function () { state.textContent = result.getAttribute('data-failed'); });
    });
    loadProgress();

    // ----- this node's search index: state, build percentage, rebuild on this node
    var indexUrl = root.getAttribute('data-context-path') + '/rest/failforward/1.0/admin/search-index';
    var indexState = document.getElementById('ff-searchindex-state');
    var indexBar = document.getElementById('ff-searchindex-progress');
    var indexTimer = null;

    function showIndex(s) {
        indexState.textContent = s.requested ? s.requested + ' ' + s.message : s.message;
        indexBar.hidden = s.state !== 'building';
        indexBar.value = s.percent;
        clearTimeout(indexTimer);
        if (s.state !== 'ready') {
            indexTimer = setTimeout(loadIndex, 2000);
        }
    }

    function loadIndex() {
        fetch(indexUrl, {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
            .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
            .then(showIndex)
            .catch(function () { indexState.textContent = result.getAttribute('data-failed'); });
    }

    document.getElementById('ff-searchindex-run').addEventListener('click', function () {
        fetch(indexUrl, {
            method: 'POST',
            credentials: 'same-origin',
            headers: {'Accept': 'application/json', 'Content-Type': 'application/json', 'X-Atlassian-Token': 'no-check'},
            body: '{}'
        }).then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
            .then(function (s) {
                showIndex(s);
                indexTimer = setTimeout(loadIndex, 1000);
            })
            .catch(function () { indexState.textContent = result.getAttribute('data-failed'); });
    });
    loadIndex();

    document.getElementById('ff-install').addEventListener('click', function () {
        run(base);
    });
    document.getElementById('ff-add').addEventListener('click', function () {
        var key = document.getElementById('ff-project').value.trim();
        if (key) {
            run(base + '/projects/' + encodeURIComponent(key));
        }
    });
}));
