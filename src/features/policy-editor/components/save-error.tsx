import { describeApiError } from '@/lib/api/describe-api-error';

/** Why a save failed, inside the review dialog (which announces it): the server's words, and that nothing is lost. */
export function SaveError({ error }: { error: unknown }) {
  const { title, message } = describeApiError(error);
  return (
    <div className="state state--error state--compact">
      <div className="state__body">
        <p className="state__title">{title}</p>
        <p className="state__message">{message}</p>
        <p className="state__message">
          Nothing was saved; your changes are still here. Try again, or cancel and keep editing.
        </p>
      </div>
    </div>
  );
}
