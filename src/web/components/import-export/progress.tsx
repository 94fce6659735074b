import './import-export.css';

/**
 * A progress bar with its text as the label. `percent` null: indeterminate, the server is at work
 * and cannot say how far it has come.
 *
 * @example <ProgressBar id={`${ids}-progress`} label={t('import.uploading', { name, percent })} percent={percent} />
 */
export function ProgressBar({ id, label, percent, className }: { id: string; label: string; percent: number | null; className?: string }) {
  return (
    <div className={className ? `kp-progress ${className}` : 'kp-progress'}>
      <label htmlFor={id}>{label}</label>
      {percent === null ? <progress id={id} /> : <progress id={id} max={100} value={percent} />}
    </div>
  );
}
