// Small pieces the request screens share: the kind badge, the sender's name, the attachment list.
import { Link } from "@remix-run/react";
import { useBilingual, useLocale, useT } from "~/i18n/react";
import { fileKindLabel, formatFileSize, isRequestKind } from "~/models/request";

export function RequestKindBadge({ kind }: { kind: string }) {
  const t = useT();
  return <span className="badge badge-status">{isRequestKind(kind) ? t(`requestKind.${kind}`) : kind}</span>;
}

export type RequestSender = { type: "organisation" | "network"; id: string; nameJa: string; nameEn: string; shortName: string | null };

/** The sender as named when the request was sent, linked to its page. */
export function RequestSenderName({ sender, link = false }: { sender: RequestSender; link?: boolean }) {
  const pick = useBilingual();
  const name = pick(sender.nameJa, sender.nameEn);
  if (!link) return <>{name}</>;
  return <Link to={sender.type === "organisation" ? `/organisations/${sender.id}` : `/networks/${sender.id}`}>{name}</Link>;
}

export type AttachmentRow = { id: string; fileName: string; contentType: string; size: number };

/** Download links with the file's kind and size. */
export function AttachmentList({ attachments }: { attachments: AttachmentRow[] }) {
  const t = useT();
  const locale = useLocale();
  if (!attachments.length) return <p className="muted">{t("request.attachments.none")}</p>;
  return (
    <ul className="plain-list">
      {attachments.map((a) => (
        <li key={a.id}>
          <a href={`/attachments/${a.id}`} download={a.fileName} title={t("common.download")}>
            {a.fileName}
          </a>{" "}
          <span className="muted">
            ({fileKindLabel(a.contentType)}, {formatFileSize(a.size, locale)})
          </span>
        </li>
      ))}
    </ul>
  );
}
