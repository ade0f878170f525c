import type { SearchField } from '../../../shared/contract/search.ts';
import { FIELD_ALIASES } from './fields.ts';

/**
 * The recruiter's query language, parsed into a tree. Nothing here reaches SQL:
 * the tree is turned into an FTS5 expression by fts.ts, where every term is quoted.
 *
 *   truck AND (lager OR terminal) NOT natt     boolean operators, parentheses
 *   truck og lager / truck eller kran / ikke natt   the Norwegian words OG, ELLER, IKKE
 *   "ADR-kompetanse"  truckf*                  phrases and prefixes
 *   skill:truck city:Oslo lang:engelsk         fields; skill:(truck OR kran) for a group
 *   -natt                                      short for NOT natt
 * Words side by side must all match (AND). Operators are recognised in any case
 * where they stand between two terms (or before one, for NOT); elsewhere a
 * lower-case "og" or "eller" is an ordinary word. Quote an operator to search for
 * the word itself: "eller".
 */
export type QueryNode =
  | { kind: 'term'; text: string; prefix: boolean; field: SearchField | null; position: number }
  | { kind: 'and'; children: QueryNode[] }
  | { kind: 'or'; children: QueryNode[] }
  | { kind: 'not'; child: QueryNode };

export type QueryErrorReason =
  | 'unclosedQuote'
  | 'unclosedParen'
  | 'unexpectedParen'
  | 'emptyParens'
  | 'missingOperand'
  | 'unknownField'
  | 'emptyField'
  | 'shortPrefix'
  | 'tooComplex'
  | 'nothingToSearch';

/** A query that cannot be read: where (0-based character offset) and why, in words. */
export class QuerySyntaxError extends Error {
  constructor(
    readonly reason: QueryErrorReason,
    readonly position: number,
    readonly length: number,
    message: string,
    readonly token?: string,
  ) {
    super(`${message} (at character ${position + 1})`);
    this.name = 'QuerySyntaxError';
  }
}

const MAX_TERMS = 64;
const MAX_DEPTH = 12;

type Operator = 'and' | 'or' | 'not';
const OPERATORS: Record<string, Operator> = { and: 'and', og: 'and', or: 'or', eller: 'or', not: 'not', ikke: 'not' };

type Token =
  | { type: 'lparen' | 'rparen' | 'minus'; pos: number; len: number }
  | { type: 'word'; text: string; prefix: boolean; pos: number; len: number }
  | { type: 'phrase'; text: string; prefix: boolean; pos: number; len: number }
  | { type: 'field'; field: SearchField; name: string; pos: number; len: number }
  | { type: 'op'; op: Operator; raw: string; pos: number; len: number };

const isSpace = (c: string) => /\s/.test(c);
const ends = (c: string | undefined) => c === undefined || isSpace(c) || c === '(' || c === ')' || c === '"';

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i]!;
    if (isSpace(c)) {
      i++;
    } else if (c === '(' || c === ')') {
      tokens.push({ type: c === '(' ? 'lparen' : 'rparen', pos: i, len: 1 });
      i++;
    } else if (c === '"') {
      const close = input.indexOf('"', i + 1);
      if (close < 0) throw new QuerySyntaxError('unclosedQuote', i, input.length - i, 'A quotation mark is not closed');
      const prefix = input[close + 1] === '*';
      const end = close + 1 + (prefix ? 1 : 0);
      tokens.push({ type: 'phrase', text: input.slice(i + 1, close), prefix, pos: i, len: end - i });
      i = end;
    } else if (c === '-' && !ends(input[i + 1]) && input[i + 1] !== '-') {
      tokens.push({ type: 'minus', pos: i, len: 1 });
      i++;
    } else {
      let end = i;
      while (!ends(input[end])) end++;
      const word = input.slice(i, end);
      const colon = word.indexOf(':');
      if (colon > 0) {
        const name = word.slice(0, colon);
        const field = FIELD_ALIASES[name.toLowerCase()];
        if (field) {
          tokens.push({ type: 'field', field, name, pos: i, len: colon + 1 });
          i += colon + 1;
          continue;
        }
        // Letters before a colon look like a field name mistyped; "08:00" is just a word.
        if (/^\p{L}+$/u.test(name)) {
          throw new QuerySyntaxError('unknownField', i, colon, `"${name}" is not a field`, name);
        }
      }
      const operator = OPERATORS[word.toLowerCase()];
      if (operator) {
        tokens.push({ type: 'op', op: operator, raw: word, pos: i, len: word.length });
      } else {
        const prefix = word.length > 1 && word.endsWith('*');
        tokens.push({ type: 'word', text: prefix ? word.slice(0, -1) : word, prefix, pos: i, len: word.length });
      }
      i = end;
    }
  }
  return resolveOperators(tokens);
}

const startsOperand = (t: Token | undefined) =>
  t !== undefined && (t.type === 'word' || t.type === 'phrase' || t.type === 'lparen' || t.type === 'field' || t.type === 'minus' || (t.type === 'op' && t.op === 'not'));
const endsOperand = (t: Token | undefined) => t !== undefined && (t.type === 'word' || t.type === 'phrase' || t.type === 'rparen');

/**
 * An operator word where no operator can stand: in capitals it is a mistake the
 * recruiter should hear about; in lower case it is an ordinary word ("Ole og").
 */
function resolveOperators(tokens: Token[]): Token[] {
  return tokens.map((t, i) => {
    if (t.type !== 'op') return t;
    const valid = t.op === 'not' ? startsOperand(tokens[i + 1]) : endsOperand(tokens[i - 1]) && startsOperand(tokens[i + 1]);
    if (valid) return t;
    if (t.raw === t.raw.toUpperCase()) {
      const message =
        t.op === 'not' ? `${t.raw} must be followed by a search term` : `${t.raw} needs a search term on both sides`;
      throw new QuerySyntaxError('missingOperand', t.pos, t.len, message, t.raw);
    }
    const word: Token = { type: 'word', text: t.raw, prefix: false, pos: t.pos, len: t.len };
    tokens[i] = word;
    return word;
  });
}

class Parser {
  private i = 0;
  private terms = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly input: string,
  ) {}

  parse(): QueryNode | null {
    if (this.tokens.length === 0) return null;
    const node = this.or(0, null);
    const rest = this.tokens[this.i];
    if (rest) throw new QuerySyntaxError('unexpectedParen', rest.pos, rest.len, 'A closing parenthesis has no opening one');
    return node;
  }

  private peek() {
    return this.tokens[this.i];
  }

  private or(depth: number, field: SearchField | null): QueryNode {
    const children = [this.and(depth, field)];
    for (let t = this.peek(); t?.type === 'op' && t.op === 'or'; t = this.peek()) {
      this.i++;
      children.push(this.and(depth, field));
    }
    return children.length === 1 ? children[0]! : { kind: 'or', children };
  }

  private and(depth: number, field: SearchField | null): QueryNode {
    const children = [this.unary(depth, field)];
    for (let t = this.peek(); t && t.type !== 'rparen' && !(t.type === 'op' && t.op === 'or'); t = this.peek()) {
      if (t.type === 'op' && t.op === 'and') this.i++;
      children.push(this.unary(depth, field));
    }
    return children.length === 1 ? children[0]! : { kind: 'and', children };
  }

  private unary(depth: number, field: SearchField | null): QueryNode {
    const t = this.peek();
    if (t && (t.type === 'minus' || (t.type === 'op' && t.op === 'not'))) {
      this.i++;
      return { kind: 'not', child: this.unary(depth, field) };
    }
    return this.primary(depth, field);
  }

  private primary(depth: number, field: SearchField | null): QueryNode {
    const t = this.peek();
    if (!t) {
      const last = this.tokens[this.tokens.length - 1]!;
      throw new QuerySyntaxError('missingOperand', last.pos, last.len, 'The query ends where a search term was expected');
    }
    this.i++;
    switch (t.type) {
      case 'lparen': {
        if (depth >= MAX_DEPTH) throw new QuerySyntaxError('tooComplex', t.pos, 1, `Parentheses nest more than ${MAX_DEPTH} deep`);
        if (this.peek()?.type === 'rparen') throw new QuerySyntaxError('emptyParens', t.pos, 2, 'The parentheses are empty');
        const inner = this.or(depth + 1, field);
        if (this.peek()?.type !== 'rparen') {
          throw new QuerySyntaxError('unclosedParen', t.pos, 1, 'A parenthesis is not closed');
        }
        this.i++;
        return inner;
      }
      case 'rparen':
        throw new QuerySyntaxError('unexpectedParen', t.pos, 1, 'A closing parenthesis has no opening one');
      case 'field': {
        const next = this.peek();
        if (!next || !(next.type === 'word' || next.type === 'phrase' || next.type === 'lparen') ) {
          throw new QuerySyntaxError('emptyField', t.pos, t.len, `${t.name}: needs a value after the colon`, t.name);
        }
        return this.primary(depth, t.field);
      }
      case 'word':
      case 'phrase':
        if (++this.terms > MAX_TERMS) throw new QuerySyntaxError('tooComplex', t.pos, t.len, `A query may have at most ${MAX_TERMS} terms`);
        return { kind: 'term', text: t.text, prefix: t.prefix, field, position: t.pos };
      case 'minus':
      case 'op':
        // resolveOperators leaves only operators with operands around them.
        throw new QuerySyntaxError('missingOperand', t.pos, t.len, `A search term is missing at "${this.input.slice(t.pos, t.pos + t.len)}"`);
    }
  }
}

/** The tree of a query, or null for a blank one. Throws QuerySyntaxError with the position. */
export function parseQuery(input: string): QueryNode | null {
  return new Parser(tokenize(input), input).parse();
}
