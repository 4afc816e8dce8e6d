// Passkeys (WebAuthn): forms marked data-passkey stay hidden until this script finds a browser that can use them.
// Binary fields travel as base64url in JSON, in the shape WebAuthn Level 3 gives them; the server verifies everything.
(() => {
  const decode = (text) => {
    const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
    return Uint8Array.from(atob(base64 + '='.repeat((4 - base64.length % 4) % 4)), (c) => c.charCodeAt(0)).buffer;
  };
  const encode = (buffer) => btoa(String.fromCharCode(...new Uint8Array(buffer)))
    .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

  const reveal = () => {
    if (!window.PublicKeyCredential) return;
    document.querySelectorAll('[data-passkey]').forEach((element) => { element.hidden = false; });
  };
  document.addEventListener('DOMContentLoaded', reveal);
  document.addEventListener('htmx:afterSettle', reveal);

  // A redirect means the session needs something first (signing in again, re-entering the password): go there.
  const post = async (url, body, csrf) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-Token': csrf },
      body: JSON.stringify(body),
    });
    if (response.redirected) {
      window.location.assign(response.url);
      return new Promise(() => {});
    }
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(answer.detail || `the server answered ${response.status}`);
    return answer;
  };

  const create = async (options) => {
    options.challenge = decode(options.challenge);
    options.user.id = decode(options.user.id);
    options.excludeCredentials.forEach((c) => { c.id = decode(c.id); });
    const credential = await navigator.credentials.create({ publicKey: options });
    return {
      id: credential.id,
      rawId: encode(credential.rawId),
      type: credential.type,
      clientExtensionResults: credential.getClientExtensionResults(),
      response: {
        clientDataJSON: encode(credential.response.clientDataJSON),
        attestationObject: encode(credential.response.attestationObject),
        transports: credential.response.getTransports ? credential.response.getTransports() : [],
      },
    };
  };

  const get = async (options) => {
    options.challenge = decode(options.challenge);
    options.allowCredentials.forEach((c) => { c.id = decode(c.id); });
    const credential = await navigator.credentials.get({ publicKey: options });
    const { response } = credential;
    return {
      id: credential.id,
      rawId: encode(credential.rawId),
      type: credential.type,
      clientExtensionResults: credential.getClientExtensionResults(),
      response: {
        clientDataJSON: encode(response.clientDataJSON),
        authenticatorData: encode(response.authenticatorData),
        signature: encode(response.signature),
        userHandle: response.userHandle ? encode(response.userHandle) : null,
      },
    };
  };

  document.addEventListener('submit', async (event) => {
    const form = event.target.closest('form[data-passkey]');
    if (!form) return;
    event.preventDefault();
    const csrf = form.querySelector('input[name=_csrf]').value;
    const error = form.querySelector('.passkey-error');
    const button = form.querySelector('button[type=submit]');
    error.hidden = true;
    button.disabled = true;
    try {
      const options = await post(form.dataset.options, {}, csrf);
      const credential = form.dataset.passkey === 'create' ? await create(options) : await get(options);
      const name = form.querySelector('input[name=name]');
      const done = await post(form.dataset.finish, { name: name ? name.value : null, credential }, csrf);
      window.location.assign(done.next);
    } catch (e) {
      // NotAllowedError: the person cancelled, or the authenticator timed out.
      error.textContent = e.name === 'NotAllowedError' ? 'The passkey request was cancelled or timed out.' : e.message;
      error.hidden = false;
      button.disabled = false;
    }
  });
})();
