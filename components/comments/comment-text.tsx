import { linkPieces } from "@/lib/domain/comments";

/**
 * A comment's text as written: plain text (React escapes it; it is never markup), with its http(s) addresses made
 * links that open apart from Remit and tell the target nothing.
 */
export function CommentText({ body }: { body: string }) {
  return (
    <p className="text-sm break-words whitespace-pre-wrap">
      {linkPieces(body).map((piece, index) =>
        piece.kind === "link" ? (
          <a
            key={index}
            href={piece.href}
            target="_blank"
            rel="noopener noreferrer nofollow"
            className="text-indigo-700 underline underline-offset-2 hover:no-underline dark:text-indigo-300"
          >
            {piece.text}
          </a>
        ) : (
          <span key={index}>{piece.text}</span>
        ),
      )}
    </p>
  );
}
