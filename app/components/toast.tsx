import { translateMaybe, type Vars } from "~/i18n";
import { useT } from "~/i18n/react";

export function ToastMessage({ toast }: { toast: { kind: string; message: string; vars?: Vars } }) {
  const t = useT();
  return (
    <div className={`toast toast-${toast.kind}`} role="status">
      {translateMaybe(t, toast.message, toast.vars)}
    </div>
  );
}
