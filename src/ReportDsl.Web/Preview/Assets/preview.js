// The preview page: reload when the server has a newer rendering, and take a finding in the side list to its cell.
(() => {
  const meta = document.querySelector('meta[name="preview-version"]');
  const shown = meta ? meta.content : '';
  const events = new EventSource('/events');
  events.addEventListener('version', (e) => {
    if (e.data !== shown) {
      events.close();
      location.reload();
    }
  });

  document.addEventListener('click', (e) => {
    const item = e.target instanceof Element ? e.target.closest('#findings li') : null;
    if (!item) {
      return;
    }
    const link = e.target.closest('a[href^="#cell-"]') || item.querySelector('a[href^="#cell-"]');
    const cell = link ? document.getElementById(decodeURIComponent(link.getAttribute('href').slice(1))) : null;
    if (!cell) {
      return;
    }
    e.preventDefault();
    document.querySelectorAll('.preview-target').forEach((c) => c.classList.remove('preview-target'));
    cell.classList.add('preview-target');
    cell.scrollIntoView({ block: 'center' });
  });
})();
