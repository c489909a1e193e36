// An optional chime on new work: off by default, remembered in localStorage, made with
// WebAudio (no sound file to serve).

const SETTING = "oms.sound";
let context = null;

export function soundOn() {
  return localStorage.getItem(SETTING) === "on";
}

export function setSound(on) {
  localStorage.setItem(SETTING, on ? "on" : "off");
  // Browsers let audio start only from a user gesture: this toggle is one.
  if (on && !context) context = new AudioContext();
  if (on) chime();
}

export function chime() {
  if (!soundOn()) return;
  if (!context) context = new AudioContext();
  const now = context.currentTime;
  for (const [offset, pitch] of [[0, 880], [0.18, 1320]]) {
    const tone = context.createOscillator();
    const volume = context.createGain();
    tone.frequency.value = pitch;
    volume.gain.setValueAtTime(0.0001, now + offset);
    volume.gain.exponentialRampToValueAtTime(0.3, now + offset + 0.02);
    volume.gain.exponentialRampToValueAtTime(0.0001, now + offset + 0.25);
    tone.connect(volume).connect(context.destination);
    tone.start(now + offset);
    tone.stop(now + offset + 0.3);
  }
}
