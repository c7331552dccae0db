export default function Loading() {
  return (
    <p role="status" className="text-slate-600 dark:text-slate-400">
      Loading people…
    </p>
  );
}
