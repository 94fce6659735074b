// Runs the chart layout off the main thread, so a large chart never freezes the page.
// (Typed by hand: the web project's lib is DOM, and the webworker lib cannot sit beside it.)
import { layoutTree, type LayoutRequest } from './tidy-layout';

type WorkerScope = {
  onmessage: ((event: MessageEvent<LayoutRequest>) => void) | null;
  postMessage(message: unknown, transfer: Transferable[]): void;
};

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const result = layoutTree(event.data);
  scope.postMessage(result, [result.x.buffer, result.y.buffer]);
};
