import { NotFoundMessage } from "@/components/ui/not-found-message";

/** Unmatched addresses, outside the signed-in shell: the message is the page's main landmark. */
export default function NotFound() {
  return <NotFoundMessage as="main" />;
}
