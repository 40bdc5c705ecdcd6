// Form pieces shared by every screen: a visible label, the control, and its errors right below,
// tied together with aria-invalid / aria-describedby.
import { type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes, useId } from "react";
import { translateMaybe } from "~/i18n";
import { useT } from "~/i18n/react";

export type ListOfErrors = Array<string | null | undefined> | null | undefined;

export function ErrorList({ id, errors }: { id?: string; errors?: ListOfErrors }) {
  const t = useT();
  const shown = errors?.filter((e): e is string => Boolean(e));
  if (!shown?.length) return null;
  return (
    <ul id={id} className="field-errors">
      {shown.map((e) => (
        <li key={e}>{translateMaybe(t, e)}</li>
      ))}
    </ul>
  );
}

/** What fieldProps reads of a Conform field (FieldMetadata): all an editor's fields have these. */
type ConformField = { id: string; name: string; initialValue?: string | readonly string[]; errors?: string[] };

/**
 * A Conform field wired to Field, TextareaField or SelectField: the id that ties the label, the
 * control and its errors together (aria-invalid, aria-describedby), the name, the value the form
 * starts from and the field's errors. `<Field label={…} {...fieldProps(fields.nameJa)} />`
 */
export function fieldProps(field: ConformField) {
  return { id: field.id, name: field.name, defaultValue: field.initialValue, errors: field.errors };
}

type FieldBase = { label: ReactNode; errors?: ListOfErrors; help?: ReactNode; className?: string };

function useFieldIds(id?: string) {
  const fallback = useId();
  const inputId = id ?? fallback;
  return { inputId, errorId: `${inputId}-error`, helpId: `${inputId}-help` };
}

function describedBy(hasErrors: boolean, hasHelp: boolean, errorId: string, helpId: string) {
  return [hasErrors ? errorId : null, hasHelp ? helpId : null].filter(Boolean).join(" ") || undefined;
}

export function Field({ label, errors, help, className, ...inputProps }: FieldBase & InputHTMLAttributes<HTMLInputElement>) {
  const { inputId, errorId, helpId } = useFieldIds(inputProps.id);
  const hasErrors = Boolean(errors?.some(Boolean));
  return (
    <div className={`field ${className ?? ""}`}>
      <label htmlFor={inputId}>{label}</label>
      <input
        {...inputProps}
        id={inputId}
        aria-invalid={hasErrors || undefined}
        aria-describedby={describedBy(hasErrors, Boolean(help), errorId, helpId)}
      />
      {help ? (
        <p id={helpId} className="field-help">
          {help}
        </p>
      ) : null}
      <ErrorList id={errorId} errors={errors} />
    </div>
  );
}

export function TextareaField({ label, errors, help, className, ...props }: FieldBase & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const { inputId, errorId, helpId } = useFieldIds(props.id);
  const hasErrors = Boolean(errors?.some(Boolean));
  return (
    <div className={`field ${className ?? ""}`}>
      <label htmlFor={inputId}>{label}</label>
      <textarea
        {...props}
        id={inputId}
        aria-invalid={hasErrors || undefined}
        aria-describedby={describedBy(hasErrors, Boolean(help), errorId, helpId)}
      />
      {help ? (
        <p id={helpId} className="field-help">
          {help}
        </p>
      ) : null}
      <ErrorList id={errorId} errors={errors} />
    </div>
  );
}

export type Option = { value: string; label: string; depth?: number };

export function SelectField({
  label,
  errors,
  help,
  className,
  options,
  emptyLabel,
  ...props
}: FieldBase & SelectHTMLAttributes<HTMLSelectElement> & { options: Option[]; emptyLabel?: string }) {
  const { inputId, errorId, helpId } = useFieldIds(props.id);
  const hasErrors = Boolean(errors?.some(Boolean));
  return (
    <div className={`field ${className ?? ""}`}>
      <label htmlFor={inputId}>{label}</label>
      <select
        {...props}
        id={inputId}
        aria-invalid={hasErrors || undefined}
        aria-describedby={describedBy(hasErrors, Boolean(help), errorId, helpId)}
      >
        {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {"\u3000".repeat(o.depth ?? 0)}
            {o.label}
          </option>
        ))}
      </select>
      {help ? (
        <p id={helpId} className="field-help">
          {help}
        </p>
      ) : null}
      <ErrorList id={errorId} errors={errors} />
    </div>
  );
}

export function CheckboxField({ label, errors, help, className, ...props }: FieldBase & InputHTMLAttributes<HTMLInputElement>) {
  const { inputId, errorId, helpId } = useFieldIds(props.id);
  const hasErrors = Boolean(errors?.some(Boolean));
  return (
    <div className={`field field-checkbox ${className ?? ""}`}>
      <input {...props} type="checkbox" id={inputId} aria-invalid={hasErrors || undefined} aria-describedby={describedBy(hasErrors, Boolean(help), errorId, helpId)} />
      <label htmlFor={inputId}>{label}</label>
      {help ? (
        <p id={helpId} className="field-help">
          {help}
        </p>
      ) : null}
      <ErrorList id={errorId} errors={errors} />
    </div>
  );
}

/** A group of checkboxes sharing one name, for many-to-many choices (themes, target bodies). */
export function CheckboxGroup({
  legend,
  name,
  options,
  defaultValue,
  errors,
  className,
}: {
  legend: ReactNode;
  name: string;
  options: Option[];
  defaultValue?: string[];
  errors?: ListOfErrors;
  className?: string;
}) {
  const groupId = useId();
  const errorId = `${groupId}-error`;
  const hasErrors = Boolean(errors?.some(Boolean));
  const chosen = new Set(defaultValue ?? []);
  return (
    <fieldset className={`field checkbox-group ${className ?? ""}`} aria-describedby={hasErrors ? errorId : undefined} aria-invalid={hasErrors || undefined}>
      <legend>{legend}</legend>
      <div className="checkbox-group-options">
        {options.map((o) => (
          <label key={o.value} className="checkbox-option" style={o.depth ? { paddingInlineStart: `${o.depth * 1.25}em` } : undefined}>
            <input type="checkbox" name={name} value={o.value} defaultChecked={chosen.has(o.value)} />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      <ErrorList id={errorId} errors={errors} />
    </fieldset>
  );
}

export function FormErrors({ errors }: { errors?: ListOfErrors }) {
  const t = useT();
  const shown = errors?.filter((e): e is string => Boolean(e));
  if (!shown?.length) return null;
  return (
    <div className="form-errors" role="alert">
      {shown.map((e) => (
        <p key={e}>{translateMaybe(t, e)}</p>
      ))}
    </div>
  );
}
