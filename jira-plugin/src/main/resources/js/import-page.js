/*
 * Fail Forward - import post-mortems (the page of ImportPageServlet). The user picks a project and Markdown files or
 * one .zip of them; "Check files" sends them as a dry run to /rest/failforward/1.0/imports (a .zip to /imports/zip)
 * and shows, per file, what would happen and what was found where; "Import" sends the same files for real, in parts of
 * PART files with a progress bar, and shows each file's issue. Sending the same files again is safe: what was imported
 * unchanged is skipped, so a batch cut short is resumed by importing it again. An import of more than
 * BACKGROUND_ABOVE files is sent at once as a background job instead, whose status the page polls (the progress bar
 * shows the files the server has done; the job goes on, on the server, if the page is closed). "From Confluence" asks
 * /imports/confluence for a space's pages (optionally a label, a parent page) the same way: "Check pages" is the dry
 * run, "Import pages" the import; when Jira must be authorised to read Confluence, a link to do so is shown. Text only
 * (textContent), never HTML.
 */
(function () {
    'use strict';

    var PART = 25;
    /** An import of more files than this runs as a background job on the server (ImportJobs.BACKGROUND_ABOVE). */
    var BACKGROUND_ABOVE = 50;
    var POLL_MS = 1000;

    function $(id) {
        return document.getElementById(id);
    }

    function el(tag, className, text) {
        var node = document.createElement(tag);
        if (className) {
            node.className = className;
        }
        if (text !== undefined && text !== null) {
            node.textContent = String(text);
        }
        return node;
    }

    function format(template, args) {
        return String(template).replace(/\{(\d+)\}/g, function (m, i) {
            return args[+i] === undefined ? m : String(args[+i]);
        });
    }

    function init() {
        var root = document.querySelector('.ff-import');
        if (!root) {
            return;
        }
        var base = root.getAttribute('data-context-path') || '';
        var text = function (name) {
            return root.getAttribute('data-text-' + name) || '';
        };
        var form = $('ff-import-form');
        var project = $('ff-import-project');
        var input = $('ff-import-files');
        var run = $('ff-import-run');
        var status = $('ff-import-status');
        var progress = $('ff-import-progress');
        var result = $('ff-import-result');
        var checked = null; // the files the last dry run checked, with their project
        var mapping = null; // the column mapping of CSV / JSON files, as the user confirmed or changed it

        function fieldError(name, message) {
            var box = $('ff-import-' + name + '-error');
            var field = name === 'files' ? input : $('ff-import-' + name);
            box.textContent = message || '';
            box.hidden = !message;
            if (message) {
                field.setAttribute('aria-invalid', 'true');
                field.setAttribute('aria-describedby', box.id);
            } else {
                field.removeAttribute('aria-invalid');
                field.setAttribute('aria-describedby', $('ff-import-' + name + '-hint') ? 'ff-import-' + name + '-hint'
                    : '');
            }
        }

        [project, input].forEach(function (field) {
            field.addEventListener('input', function () {
                fieldError(field === project ? 'project' : 'files', null);
                run.disabled = true;
                checked = null;
            });
            field.addEventListener('change', function () {
                fieldError(field === project ? 'project' : 'files', null);
                run.disabled = true;
                checked = null;
                mapping = null;
            });
        });

        function readText(file) {
            return new Promise(function (resolve, reject) {
                var reader = new FileReader();
                reader.onload = function () {
                    resolve({name: file.name, content: String(reader.result)});
                };
                reader.onerror = function () {
                    reject(reader.error);
                };
                reader.readAsText(file, 'UTF-8');
            });
        }

        function send(url, contentType, body) {
            return fetch(url, {
                method: 'POST', credentials: 'same-origin',
                headers: {'Content-Type': contentType, 'Accept': 'application/json'}, body: body
            }).then(function (response) {
                return response.json().catch(function () {
                    return {};
                }).then(function (json) {
                    if (!response.ok) {
                        var error = new Error(json.message || ('HTTP ' + response.status));
                        error.errors = json.errors || [];
                        error.authorizeUrl = json.authorizeUrl || null;
                        throw error;
                    }
                    return json;
                });
            });
        }

        /** The progress bar and what assistive technology reads from it (role=progressbar, aria-value*). */
        function setProgress(done, total) {
            progress.max = Math.max(total, 1);
            progress.value = done;
            progress.setAttribute('aria-valuemin', '0');
            progress.setAttribute('aria-valuemax', String(total));
            progress.setAttribute('aria-valuenow', String(done));
            status.textContent = format(text('progress'), [done, total]);
        }

        function getJson(url) {
            return fetch(url, {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
                .then(function (response) {
                    return response.json().catch(function () {
                        return {};
                    }).then(function (json) {
                        if (!response.ok) {
                            var error = new Error(json.message || ('HTTP ' + response.status));
                            error.errors = json.errors || [];
                            throw error;
                        }
                        return json;
                    });
                });
        }

        /**
         * A large import as one background job: every file in one request, then the job's status polled (a progress
         * bar of files done) until it is done; resolves to its per-file results as one batch.
         */
        function background(files, key) {
            setProgress(0, files.length);
            progress.hidden = false;
            return Promise.all(files.map(readText)).then(function (read) {
                var request = {project: key, dryRun: false, background: true, files: read};
                if (mapping) {
                    request.mapping = mapping;
                }
                return send(base + '/rest/failforward/1.0/imports', 'application/json', JSON.stringify(request));
            }).then(function (job) {
                return new Promise(function (resolve, reject) {
                    function poll() {
                        getJson(base + job.status).then(function (now) {
                            setProgress(now.filesDone, now.filesTotal);
                            if (now.state === 'done') {
                                progress.hidden = true;
                                resolve({project: now.project, dryRun: false, counts: now.counts, files: now.files});
                            } else {
                                window.setTimeout(poll, POLL_MS);
                            }
                        }, reject);
                    }
                    poll();
                });
            });
        }

        /** Sends the files (a dry run or the import); resolves to one batch with every file's result. */
        function submit(files, key, dryRun) {
            var zip = files.length === 1 && /\.zip$/i.test(files[0].name);
            if (zip) {
                return send(base + '/rest/failforward/1.0/imports/zip?project=' + encodeURIComponent(key)
                    + '&dryRun=' + dryRun, 'application/zip', files[0]);
            }
            if (!dryRun && files.length > BACKGROUND_ABOVE) {
                return background(files, key);
            }
            var all = {project: key, dryRun: dryRun, counts: {}, files: []};
            var parts = [];
            for (var i = 0; i < files.length; i += PART) {
                parts.push(files.slice(i, i + PART));
            }
            setProgress(0, files.length);
            progress.hidden = parts.length < 2;
            return parts.reduce(function (chain, part) {
                return chain.then(function () {
                    return Promise.all(part.map(readText)).then(function (read) {
                        var request = {project: key, dryRun: dryRun, files: read};
                        if (mapping) {
                            request.mapping = mapping;
                        }
                        return send(base + '/rest/failforward/1.0/imports', 'application/json',
                            JSON.stringify(request));
                    }).then(function (batch) {
                        (batch.tabular || []).forEach(function (t) {
                            all.tabular = (all.tabular || []).concat([t]);
                        });
                        batch.files.forEach(function (f) {
                            all.files.push(f);
                            all.counts[f.outcome] = (all.counts[f.outcome] || 0) + 1;
                        });
                        setProgress(all.files.length, files.length);
                    });
                });
            }, Promise.resolve()).then(function () {
                progress.hidden = true;
                return all;
            });
        }

        /** The columns of the batch's CSV / JSON files: one select per field, the file's headers as choices. */
        function showMapping(tabular) {
            if (!tabular || !tabular.length) {
                return;
            }
            var first = tabular[0];
            var headers = [];
            tabular.forEach(function (t) {
                (t.headers || []).forEach(function (h) {
                    if (headers.indexOf(h) < 0) {
                        headers.push(h);
                    }
                });
            });
            var current = mapping || first.mapping || {};
            var box = el('fieldset', 'ff-import-mapping');
            box.appendChild(el('legend', null, text('mapping')));
            box.appendChild(el('p', 'description', text('mapping-hint')));
            (first.fields || Object.keys(current)).forEach(function (field) {
                var group = el('div', 'field-group');
                var id = 'ff-import-map-' + field;
                var label = el('label', null, field);
                label.htmlFor = id;
                group.appendChild(label);
                var select = el('select', 'select ff-import-map');
                select.id = id;
                select.setAttribute('data-field', field);
                select.appendChild(el('option', null, text('unmapped'))).value = '';
                headers.forEach(function (h) {
                    var option = el('option', null, h);
                    option.value = h;
                    option.selected = current[field] === h;
                    select.appendChild(option);
                });
                var sure = first.confidence && first.confidence[field];
                if (sure !== undefined && !mapping) {
                    group.appendChild(select);
                    group.appendChild(el('span', 'ff-import-confidence', ' ' + format(text('confidence'),
                        [Math.round(sure * 100)])));
                } else {
                    group.appendChild(select);
                }
                select.addEventListener('change', function () {
                    mapping = {};
                    Array.prototype.forEach.call(box.querySelectorAll('.ff-import-map'), function (s) {
                        if (s.value) {
                            mapping[s.getAttribute('data-field')] = s.value;
                        }
                    });
                    // another mapping reads the rows differently: check again before importing
                    run.disabled = true;
                    status.textContent = text('remap');
                });
                box.appendChild(group);
            });
            result.appendChild(box);
        }

        function show(batch) {
            result.textContent = '';
            var counts = Object.keys(batch.counts || {}).map(function (outcome) {
                return batch.counts[outcome] + ' ' + text('outcome-' + outcome);
            }).join(', ');
            result.appendChild(el('p', 'ff-import-summary', format(text('summary'), [batch.files.length, counts])));
            var table = el('table', 'aui ff-import-table');
            var head = el('thead');
            var row = el('tr');
            ['file', 'outcome', 'issue', 'found', 'problems'].forEach(function (name) {
                var th = el('th', null, text(name));
                th.scope = 'col';
                row.appendChild(th);
            });
            head.appendChild(row);
            table.appendChild(head);
            var body = el('tbody');
            batch.files.forEach(function (file) {
                var tr = el('tr', 'ff-import-file');
                tr.setAttribute('data-ff-outcome', file.outcome);
                var name = el('th', 'ff-import-name', file.name);
                name.scope = 'row';
                tr.appendChild(name);
                var outcome = el('td', 'ff-import-outcome');
                outcome.appendChild(el('span', 'aui-lozenge' + (file.outcome === 'failed' ? ' aui-lozenge-error'
                    : /created|updated/.test(file.outcome) ? ' aui-lozenge-success' : ''),
                    text('outcome-' + file.outcome)));
                tr.appendChild(outcome);
                var issue = el('td', 'ff-import-issue');
                if (file.issueKey) {
                    var a = el('a', null, file.issueKey);
                    a.href = base + '/browse/' + encodeURIComponent(file.issueKey);
                    issue.appendChild(a);
                }
                if (file.status) {
                    // where the import walked the incident's workflow (as far as its validators allowed)
                    issue.appendChild(document.createTextNode(' '));
                    issue.appendChild(el('span', 'aui-lozenge aui-lozenge-subtle ff-import-status'
                        + (file.status === 'closed' ? ' aui-lozenge-success' : ''), text('status-' + file.status)));
                }
                tr.appendChild(issue);
                var found = el('td', 'ff-import-found');
                if (file.found && file.found.length) {
                    var dl = el('dl');
                    file.found.forEach(function (f) {
                        dl.appendChild(el('dt', null, f.field));
                        var dd = el('dd', null, f.value);
                        if (f.from) {
                            dd.appendChild(el('span', 'ff-import-from', ' (' + f.from + ')'));
                        }
                        dl.appendChild(dd);
                    });
                    found.appendChild(dl);
                } else {
                    found.textContent = text('none');
                }
                tr.appendChild(found);
                var problems = el('td', 'ff-import-problems');
                if (file.error) {
                    problems.appendChild(el('p', 'ff-import-error', file.error));
                }
                if (file.statusNote) {
                    problems.appendChild(el('p', 'ff-import-stopped', format(text('stopped-by'),
                        [text('status-' + file.status), file.statusNote])));
                }
                (file.problems || []).forEach(function (p) {
                    problems.appendChild(el('p', 'ff-import-problem', (p.field ? p.field + ': ' : '') + p.message
                        + (p.line ? ' (' + format(text('line'), [p.line]) + ')' : '')));
                });
                tr.appendChild(problems);
                body.appendChild(tr);
            });
            table.appendChild(body);
            result.appendChild(table);
            showMapping(batch.tabular);
        }

        function failed(error) {
            progress.hidden = true;
            status.textContent = text('failed') + ' ' + error.message;
            (error.errors || []).forEach(function (e) {
                if (e.field === 'project') {
                    fieldError('project', e.message);
                    project.focus();
                } else if (e.field === 'file' || /^files/.test(e.field || '')) {
                    fieldError('files', e.message);
                    input.focus();
                } else if (e.field === 'space' || e.field === 'label' || e.field === 'parent') {
                    fieldError(e.field, e.message);
                    $('ff-import-' + e.field).focus();
                }
            });
            if (error.authorizeUrl && /^https?:/i.test(error.authorizeUrl)) {
                authorizeLink.href = error.authorizeUrl;
                authorize.hidden = false;
                authorizeLink.focus();
            }
        }

        // ----- from Confluence -----
        var confluenceForm = $('ff-import-confluence-form');
        var space = $('ff-import-space');
        var label = $('ff-import-label');
        var parent = $('ff-import-parent');
        var confluenceRun = $('ff-import-confluence-run');
        var authorize = $('ff-import-authorize');
        var authorizeLink = $('ff-import-authorize-link');
        var checkedPages = null; // the query the last dry run checked

        [space, label, parent].forEach(function (field) {
            field.addEventListener('input', function () {
                fieldError(field.id.replace('ff-import-', ''), null);
                confluenceRun.disabled = true;
                checkedPages = null;
            });
        });
        project.addEventListener('input', function () {
            confluenceRun.disabled = true;
            checkedPages = null;
        });

        function sendPages(query, dryRun) {
            var request = {project: query.project, dryRun: dryRun, space: query.space};
            if (query.label) {
                request.label = query.label;
            }
            if (query.parent) {
                request.parent = query.parent;
            }
            authorize.hidden = true;
            return send(base + '/rest/failforward/1.0/imports/confluence', 'application/json',
                JSON.stringify(request));
        }

        confluenceForm.addEventListener('submit', function (event) {
            event.preventDefault();
            var query = {project: project.value.trim().toUpperCase(), space: space.value.trim(),
                label: label.value.trim(), parent: parent.value.trim()};
            if (!query.project) {
                fieldError('project', text('nothing'));
                project.focus();
                return;
            }
            if (!query.space) {
                fieldError('space', text('nothing'));
                space.focus();
                return;
            }
            confluenceRun.disabled = true;
            status.textContent = text('checking-confluence');
            sendPages(query, true).then(function (batch) {
                show(batch);
                status.textContent = '';
                checkedPages = query;
                confluenceRun.disabled = !importable(batch);
            }, failed);
        });

        confluenceRun.addEventListener('click', function () {
            if (!checkedPages) {
                return;
            }
            confluenceRun.disabled = true;
            status.textContent = text('running');
            sendPages(checkedPages, false).then(function (batch) {
                show(batch);
                status.textContent = result.querySelector('.ff-import-summary').textContent;
                checkedPages = null;
            }, failed);
        });

        /** Whether a dry run found anything to create or update. */
        function importable(batch) {
            return batch.files.some(function (f) {
                return f.outcome === 'create' || f.outcome === 'update';
            });
        }

        function chosen() {
            var key = project.value.trim().toUpperCase();
            var files = Array.prototype.slice.call(input.files || []);
            var ok = true;
            if (!key) {
                fieldError('project', text('nothing'));
                project.focus();
                ok = false;
            }
            if (!files.length) {
                fieldError('files', text('nothing'));
                if (ok) {
                    input.focus();
                }
                ok = false;
            }
            return ok ? {key: key, files: files} : null;
        }

        form.addEventListener('submit', function (event) {
            event.preventDefault();
            var choice = chosen();
            if (!choice) {
                return;
            }
            run.disabled = true;
            status.textContent = text('checking');
            submit(choice.files, choice.key, true).then(function (batch) {
                show(batch);
                status.textContent = '';
                checked = choice;
                run.disabled = !importable(batch);
            }, failed);
        });

        run.addEventListener('click', function () {
            if (!checked) {
                return;
            }
            run.disabled = true;
            status.textContent = text('running');
            submit(checked.files, checked.key, false).then(function (batch) {
                show(batch);
                status.textContent = result.querySelector('.ff-import-summary').textContent;
                checked = null;
            }, failed);
        });
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', init);
    } else {
        init();
    }
}());
