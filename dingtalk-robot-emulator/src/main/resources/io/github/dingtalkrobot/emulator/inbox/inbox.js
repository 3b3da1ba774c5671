// The DingTalk emulator's inbox page: polls for new messages and clears the inbox.
// Messages arrive as HTML rendered and escaped by the emulator; the page's
// Content-Security-Policy forbids any script but this file.
(() => {
	'use strict';
	const messages = document.getElementById('messages');
	const robot = messages.dataset.robot;
	const interval = 1000;

	const latest = () => {
		const newest = messages.querySelector('article');
		return newest ? Number(newest.dataset.sequence) : 0;
	};

	const url = (after) => '/inbox/messages?after=' + after + (robot ? '&robot=' + encodeURIComponent(robot) : '');

	const fetchMessages = async (after) => {
		const response = await fetch(url(after), { cache: 'no-store' });
		if (!response.ok) {
			throw new Error('HTTP ' + response.status);
		}
		return { size: Number(response.headers.get('X-Inbox-Size')), html: await response.text() };
	};

	const poll = async () => {
		try {
			const update = await fetchMessages(latest());
			if (update.html) {
				messages.insertAdjacentHTML('afterbegin', update.html);
			}
			if (messages.children.length > update.size) {
				// Cleared elsewhere: show what is left
				messages.innerHTML = (await fetchMessages(0)).html;
			}
		}
		catch (ex) {
			// The emulator is restarting or has stopped: try again later
		}
		setTimeout(poll, interval);
	};

	document.getElementById('clear').addEventListener('click', async () => {
		await fetch('/inbox/clear', { method: 'POST', headers: { 'X-Inbox-Action': 'clear' } });
		messages.replaceChildren();
	});

	setTimeout(poll, interval);
})();
