// The import page: while the job runs, poll its status and move the progress bar; once it ends, reload the page,
// which the server renders with the summary. Without JavaScript the page shows the same after a manual reload.
(() => {
  const job = document.getElementById('import-job');
  if (!job || job.dataset.running !== 'yes') return;
  const progress = document.getElementById('import-progress');
  const show = (id, value) => { document.getElementById(id).textContent = String(value); };
  const poll = () => {
    fetch(job.dataset.statusUrl, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
      .then((status) => {
        progress.max = Math.max(1, status.total);
        progress.value = status.done;
        show('import-done', status.done);
        show('import-total', status.total);
        show('import-imported', status.imported);
        if (status.status === 'running') {
          setTimeout(poll, 500);
        } else {
          window.location.reload();
        }
      })
      .catch(() => setTimeout(poll, 2000));
  };
  poll();
})();
