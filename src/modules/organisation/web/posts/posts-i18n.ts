import { createModuleI18n } from '../../../../web/i18n/module-i18n';
import { postsEn, postsNb, type PostsKey } from './posts.messages';

export const usePostsI18n = createModuleI18n<PostsKey>({ nb: postsNb, en: postsEn });
