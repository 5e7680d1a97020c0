// The first-run guide: which of the five steps a sheet has done, judged only from what the sheet holds
// (tabs, the settings tab's protection, its settings and divisions, the report register, the
// reminder trigger), and the sidebar page that shows them, each open step with a button that runs it.
// Pure: src/gas/first-run.ts gathers the facts and shows the page.
import { escapeHtml } from './cells';
import { FIRST_RUN } from './messages/first-run';
import type { Tracker } from './model';
import { FIXED_TABS } from './schema';

export type FirstRunStepId = keyof typeof FIRST_RUN.steps;
export const FIRST_RUN_STEP_IDS: readonly FirstRunStepId[] = ['setup', 'divisions', 'editors', 'report', 'reminders'];

export interface FirstRunFacts {
  /** every tab name in the spreadsheet */
  tabs: readonly string[];
  /** the settings tab carries setup's protection (protections travel with a copy of a set-up file) */
  settingsProtected: boolean;
  tracker: Pick<Tracker, 'settings' | 'divisions' | 'reports'>;
  /** the current user's daily reminder trigger; null when it could not be looked up */
  reminderTrigger: boolean | null;
}

export interface FirstRunStep {
  id: FirstRunStepId;
  done: boolean;
  /** why the step is still open, in Thai (empty when done) */
  missing: string[];
}

/**
 * Addresses in the domains RFC 2606 reserves for examples: the template's placeholders. A sheet that
 * still holds them has not been given its people yet.
 */
export const isPlaceholderEmail = (email: string): boolean =>
  /@(.+\.)?example\.(org|com|net)$/i.test(email.trim()) || /@.+\.example$/i.test(email.trim());

const realEmails = (emails: readonly string[]) => emails.filter((e) => e.trim() !== '' && !isPlaceholderEmail(e));

export function firstRunSteps(facts: FirstRunFacts): FirstRunStep[] {
  const { settings, divisions, reports } = facts.tracker;
  const present = new Set(facts.tabs);
  const steps: FirstRunStep[] = [];
  const step = (id: FirstRunStepId, missing: string[]) => steps.push({ id, done: missing.length === 0, missing });

  const missingTabs = FIXED_TABS.map((t) => t.name).filter((n) => !present.has(n));
  step('setup', [
    ...(missingTabs.length ? [FIRST_RUN.steps.setup.missingTabs(missingTabs)] : []),
    ...(facts.settingsProtected ? [] : [FIRST_RUN.steps.setup.notProtected]),
  ]);

  const d = FIRST_RUN.steps.divisions;
  const noEmail = divisions.filter((x) => realEmails(x.notifyEmails).length === 0).map((x) => x.name || x.code);
  step('divisions', [
    ...(settings.agencyName.trim() ? [] : [d.noAgency]),
    ...(settings.admins.length === 0 ? [d.noAdmins] : realEmails(settings.admins).length ? [] : [d.exampleAdmins]),
    ...(divisions.length === 0 ? [d.noDivisions] : noEmail.length ? [d.exampleEmails(noEmail)] : []),
  ]);

  const noEditor = divisions.filter((x) => realEmails(x.editors).length === 0).map((x) => x.name || x.code);
  step(
    'editors',
    divisions.length === 0 ? [d.noDivisions] : noEditor.length ? [FIRST_RUN.steps.editors.missing(noEditor)] : [],
  );

  step('report', reports.length ? [] : [FIRST_RUN.steps.report.none]);

  const r = FIRST_RUN.steps.reminders;
  step('reminders', facts.reminderTrigger === true ? [] : [facts.reminderTrigger === null ? r.unknown : r.none]);
  return steps;
}

/** The sidebar as the fakes and a browser see it. The server function the buttons call is named by the caller. */
export function firstRunHtml(steps: readonly FirstRunStep[], serverFunction: string): string {
  const doneCount = steps.filter((s) => s.done).length;
  const items = steps
    .map((s, i) => {
      const text = FIRST_RUN.steps[s.id];
      const state = s.done ? FIRST_RUN.doneMark : FIRST_RUN.openMark;
      const missing = s.missing.map((m) => `<li>${escapeHtml(m)}</li>`).join('');
      return `<li class="step ${s.done ? 'done' : 'open'}">
<div class="head"><span class="mark" aria-hidden="true">${s.done ? '✓' : String(i + 1)}</span><span class="label">${escapeHtml(text.label)}</span><span class="state">${escapeHtml(state)}</span></div>
<p class="what">${escapeHtml(text.what)}</p>${missing ? `\n<ul class="missing">${missing}</ul>` : ''}${
        s.done
          ? ''
          : `\n<button type="button" data-step="${escapeHtml(s.id)}">${escapeHtml('button' in text ? text.button : text.label)}</button>`
      }
</li>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="th">
<head>
<meta charset="utf-8">
<base target="_top">
<style>
body{font:14px Sarabun,"Noto Sans Thai",Tahoma,sans-serif;margin:12px;color:#202124}
h1{font-size:16px;margin:0 0 4px}
p{margin:0 0 8px;color:#5f6368}
ol{list-style:none;padding:0;margin:0}
li.step{border:1px solid #dadce0;border-radius:8px;padding:8px 10px;margin-bottom:8px}
.done{background:#e6f4ea}
.head{display:flex;align-items:center;gap:8px}
.mark{flex:none;width:22px;height:22px;border-radius:50%;text-align:center;line-height:22px;font-weight:bold;background:#e8eaed}
.done .mark{background:#188038;color:#fff}
.label{flex:1;font-weight:bold}
.state{font-size:12px;color:#5f6368}
.done .state{color:#188038}
p.what{margin:4px 0;color:inherit}
.missing{margin:4px 0;padding-left:18px;color:#b3261e}
button{font:inherit;background:#1a73e8;color:#fff;border:0;border-radius:4px;padding:6px 12px}
button:disabled{background:#9aa0a6}
</style>
</head>
<body>
<h1>${escapeHtml(FIRST_RUN.title)}</h1>
<p>${escapeHtml(doneCount === steps.length ? FIRST_RUN.allDone : FIRST_RUN.intro)}</p>
<p>${escapeHtml(FIRST_RUN.progress(doneCount, steps.length))}</p>
<ol>
${items}
</ol>
<p id="status" role="status"></p>
<script>
var bs = document.querySelectorAll('button'), st = document.getElementById('status');
function busy(b) { for (var i = 0; i < bs.length; i++) bs[i].disabled = b; }
for (var i = 0; i < bs.length; i++) bs[i].onclick = function () {
  busy(true);
  st.textContent = ${JSON.stringify(FIRST_RUN.running)};
  google.script.run
    .withSuccessHandler(function () { st.textContent = ''; busy(false); })
    .withFailureHandler(function (e) { st.textContent = ${JSON.stringify(FIRST_RUN.failed(''))} + (e && e.message || e); busy(false); })
    .${serverFunction}(this.getAttribute('data-step'));
};
</script>
</body>
</html>
`;
}
