// «Stillinger og årsverk»'s URL: the as-of date and the area. Imported by the router, so free of React.
import { dateParam, idParam } from '../../../../web/components/search-params';

export type PostsSearch = {
  /** The as-of date, YYYY-MM-DD; today when left out. */
  dato?: string;
  /** The area: a unit and everything under it; the whole municipality when left out. */
  enhet?: string;
};

export const validatePostsSearch = (search: Record<string, unknown>): PostsSearch => ({
  dato: dateParam(search.dato),
  enhet: idParam(search.enhet),
});
