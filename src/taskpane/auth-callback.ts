/** Where the sign-in page sends the user back: hands the answer to the pane, which closes it. */
import { answerDialog } from "../excel/dialog";

answerDialog();
