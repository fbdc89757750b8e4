import { type Git } from './git.ts';
import { type CommitInfo } from '../types/ref.ts';
import { showControls } from '../text/controls.ts';

/** Who a commit is by, as git formats it: the name, or the name and address as a mail header writes them. */
export type AuthorFormat = '%an' | '%an <%ae>';
/** Which date of a commit, strict ISO 8601: the committer's or the author's. */
export type DateFormat = '%cI' | '%aI';

const FIELDS = 4;

/**
 * The newest `count` commits from `rev`, as reports show them. A subject or author may
 * hold any byte but NUL (a unit separator, a newline of a malformed commit), so fields and
 * commits are NUL-separated (`-z`, `%x00`) and split on nothing else; control characters
 * of a subject or author are made visible (showControls), so each stays one line wherever
 * it goes. `firstParent` walks a merge's first parent only (a range as a series checks it).
 */
export async function commitLog(git: Git, rev: string, count: number, author: AuthorFormat, date: DateFormat, firstParent = false): Promise<CommitInfo[]> {
  const out = await git.run(['log', '-z', `-${count}`, ...(firstParent ? ['--first-parent'] : []), `--format=%H%x00${author}%x00${date}%x00%s`, rev]);
  const fields = out.split('\0');
  const commits: CommitInfo[] = [];
  for (let i = 0; i + FIELDS <= fields.length; i += FIELDS) {
    const [sha, by, when, subject] = fields.slice(i, i + FIELDS);
    commits.push({ sha: sha.trim(), author: showControls(by), date: when, subject: showControls(subject) });
  }
  return commits;
}
