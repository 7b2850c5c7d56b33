// Incident bodies as published are untrusted. They are rendered as markdown (headings, lists, links,
// emphasis, tables) through rehype-sanitize; raw HTML is shown as inert text, never parsed; links open in
// the system browser and only for http(s); remote images are not loaded (a link to them instead).
import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import rehypeSanitize from 'rehype-sanitize';
import type { ReactNode } from 'react';
import { ExternalLink, isWebUrl } from './ExternalLink';

interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
}

/** remark plugin: raw HTML (block or inline) becomes a text node, so it is shown as typed and never runs. */
function remarkHtmlAsText() {
  const walk = (node: MdNode): void => {
    if (node.type === 'html') node.type = 'text';
    node.children?.forEach(walk);
  };
  return (tree: MdNode) => walk(tree);
}

const components: Components = {
  a({ href, children }) {
    if (typeof href === 'string' && isWebUrl(href))
      return <ExternalLink href={href}>{children}</ExternalLink>;
    return <span className="md-dead-link">{children}</span>;
  },
  img({ src, alt }) {
    const label: ReactNode = `Image: ${alt || 'untitled'}`;
    if (typeof src === 'string' && isWebUrl(src)) return <ExternalLink href={src}>{label}</ExternalLink>;
    return <span className="md-dead-link">{label}</span>;
  },
  // Headings inside an update rank below the view's own (h1 view, h2 section, h3 update).
  h1: ({ children }) => <h4>{children}</h4>,
  h2: ({ children }) => <h5>{children}</h5>,
  h3: ({ children }) => <h6>{children}</h6>,
  h4: ({ children }) => <h6>{children}</h6>,
  h5: ({ children }) => <h6>{children}</h6>,
};

/** Keeps only http(s) and mailto URLs; anything else (javascript:, data:, relative) becomes no link. */
function urlTransform(url: string): string {
  return isWebUrl(url) || /^mailto:/i.test(url) ? url : '';
}

export function Markdown({ text }: { text: string }) {
  return (
    <div className="markdown">
      <ReactMarkdown
        remarkPlugins={[remarkGfm, remarkHtmlAsText]}
        rehypePlugins={[rehypeSanitize]}
        components={components}
        urlTransform={urlTransform}
      >
        {text}
      </ReactMarkdown>
    </div>
  );
}
