// The member's voting page (/primaries/{id}/vote, issue 14 §4): reads the election's public files
// from the page, derives the credential key from the code the member types, encrypts, proves and
// signs the ballot on this device with sailau-vote.js, shows its fingerprint, then casts it (the
// server answers with the tracking code) or challenges it (the opening is published and the
// ballot never counts; the member checks it on the board's verification page). Nothing secret
// leaves the device: the code and the nonces of a cast ballot are wiped.
import * as sv from './sailau-vote.js';

const $ = (id) => document.getElementById(id);
const data = JSON.parse($('vote-data').textContent);
const say = (code) => data.messages[code] || data.messages.generic;

const form = $('vote-form');
const errorBox = $('vote-error');
let pending = null; // {ballot, ballotHash, secrets}

function showError(text) {
  $('vote-error-text').textContent = text;
  errorBox.hidden = false;
  errorBox.focus();
}

function clearError() {
  errorBox.hidden = true;
}

function reset() {
  if (pending) pending.secrets.destroy();
  pending = null;
  $('fingerprint').hidden = true;
  form.hidden = false;
}

let ctx;
try {
  ctx = sv.loadElection(data.election);
  form.hidden = false;
} catch (e) {
  showError(say('generic'));
}

function choices() {
  const out = {};
  for (const fs of form.querySelectorAll('fieldset[data-contest]')) {
    out[fs.dataset.contest] = [...fs.querySelectorAll('input:checked')].map((i) => i.value);
  }
  return out;
}

form.addEventListener('submit', (ev) => {
  ev.preventDefault();
  clearError();
  $('receipt').hidden = true;
  $('challenged').hidden = true;
  const input = $('f-credential');
  if (!input.value.trim()) {
    showError(say('empty-code'));
    input.focus();
    return;
  }
  let key;
  try {
    key = sv.deriveCredentialKey(ctx, input.value);
    const plaintext = sv.plaintextFromChoices(ctx, choices());
    pending = sv.encryptBallot(ctx, key, plaintext);
  } catch (e) {
    showError(say(e && e.code));
    return;
  } finally {
    if (key) key.destroy();
  }
  $('ballot-hash').textContent = pending.ballotHash;
  form.hidden = true;
  $('fingerprint').hidden = false;
  $('cast').focus();
});

// A refusal the server worded (in the page's language), as opposed to a network failure.
class Refused extends Error {}

async function submit(submission) {
  let res;
  try {
    res = await fetch(`/api/v1/primaries/${data.campaign}/ballots`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      'Content-Type': 'application/json',
      'X-CSRF-Token': data.csrf,
      'Accept-Language': data.lang,
    },
    body: JSON.stringify(submission),
    });
  } catch {
    throw new Refused(say('network'));
  }
  const body = await res.json().catch(() => ({}));
  if (res.status === 201) return body;
  const messages = (body.errors || []).map((e) => e.message).filter(Boolean);
  if (messages.length) throw new Refused(messages.join(' '));
  if (res.status === 401) throw new Refused(say('signed-out'));
  throw new Refused(say('generic'));
}

const refusal = (e) => (e instanceof Refused ? e.message : say('generic'));

$('cast').addEventListener('click', async () => {
  if (!pending) return;
  clearError();
  const { ballot } = pending;
  try {
    const receipt = await submit(sv.castSubmission(ballot));
    pending.secrets.destroy();
    pending = null;
    $('fingerprint').hidden = true;
    $('tracking-short').textContent = receipt.tracking_code_short;
    $('tracking-full').textContent = receipt.tracking_code;
    $('tracking-link').href = `${data.board}?code=${encodeURIComponent(receipt.tracking_code_short)}`;
    form.reset();
    $('receipt').hidden = false;
    $('receipt').focus();
  } catch (e) {
    showError(refusal(e));
    reset();
  }
});

$('challenge').addEventListener('click', async () => {
  if (!pending) return;
  clearError();
  const { ballot, ballotHash } = pending;
  const opening = pending.secrets.open();
  pending = null;
  try {
    await submit(sv.challengedSubmission(ballot, opening));
    $('fingerprint').hidden = true;
    $('challenged-link').href = `${data.board}/${ballotHash}`;
    form.hidden = false;
    $('challenged').hidden = false;
    $('challenged').focus();
  } catch (e) {
    showError(refusal(e));
    reset();
  }
});
