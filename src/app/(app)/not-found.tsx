import { NotFoundMessage } from "@/components/ui/not-found-message";

/**
 * A record that does not exist (or belongs to a programme the user is not in), inside the signed-in shell:
 * rendered within the shell's `<main>`, whichever of the programme layout or the page found it missing.
 */
export default function NotFound() {
  return <NotFoundMessage />;
}
