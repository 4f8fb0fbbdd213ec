import remarkFrontmatter from 'remark-frontmatter';
import remarkLintFrontmatterSchema from 'remark-lint-frontmatter-schema';

export default {
  plugins: [
    remarkFrontmatter,
    [remarkLintFrontmatterSchema, {
      schemas: {
        './generator/pipeline/schema/event.schema.json': ['content/events/*.md'],
        './generator/pipeline/schema/actor.schema.json': ['content/actors/*.md'],
        './generator/pipeline/schema/place.schema.json': ['content/places/*.md'],
      },
    }],
  ],
};
