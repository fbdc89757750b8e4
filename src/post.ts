import { runPost } from './entry/post.ts';

await runPost();
