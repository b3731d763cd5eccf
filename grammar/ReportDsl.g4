// The ReportDsl grammar: the syntax of report format specifications.
// Only syntax lives here. Names, types, duplicates and every other meaning are checked by the binder.
// Regenerate the C# parser with grammar/generate; CI fails when src/ReportDsl/Parsing/Generated is stale.
grammar ReportDsl;

// ---------------------------------------------------------------- parser

compilationUnit
    : declaration* EOF
    ;

declaration
    : formatDeclaration
    | sectionDeclaration
    | removeDeclaration
    | changeDeclaration
    ;

formatDeclaration
    : FORMAT name VERSION version = versionValue formatRelation? LBRACE formatProperty* RBRACE
    ;

// extends: this format is the base format plus the declarations of this file; revises: lineage clauses refer to it.
formatRelation
    : relation = (EXTENDS | REVISES) name versionValue
    ;

// In a format that extends another: drop an inherited section, table, row, column (table.path) or rule.
removeDeclaration
    : REMOVE kind = (SECTION | TABLE | ROW | COLUMN | RULE) path
    ;

// In a format that extends another: add rows or columns inside an inherited table or group (at its end, or before or
// after one of its items), replace one row or column, add rules to a table, or replace one rule.
changeDeclaration
    : operation = ADD kind = (ROW | COLUMN) path (placement = (AFTER | BEFORE) anchor = name)? LBRACE axisItem* RBRACE
    | operation = REPLACE kind = (ROW | COLUMN) path LBRACE axisItem* RBRACE
    | operation = (ADD | REPLACE) kind = RULE path LBRACE ruleDeclaration* RBRACE
    ;

versionValue
    : INTEGER
    | STRING
    ;

formatProperty
    : name propertyValue
    ;

propertyValue
    : STRING
    | INTEGER (RANGE INTEGER?)?
    ;

sectionDeclaration
    : SECTION name labels modifier* lineage* sectionBody
    ;

// Facts come first in a section's braces: the numbers its text states, then its tables.
sectionBody
    : PROSE (LBRACE factDeclaration* RBRACE)?
    | LBRACE factDeclaration* tableDeclaration* RBRACE
    ;

// A number the section's text states, read by a pattern in which {n} stands for the number.
factDeclaration
    : FACT name labels modifier* COLON cellType PATTERN STRING
    ;

tableDeclaration
    : TABLE name labels modifier* lineage* LBRACE tableMember* RBRACE
    ;

tableMember
    : STUB STRING                                   # stubMember
    | CELLS cellType                                # cellsMember
    | axisKeyword = (COLUMNS | ROWS) STRING? LBRACE axisItem* RBRACE # axisMember
    | ABSENT cellReference                          # absentMember
    | ruleDeclaration                               # ruleMember
    ;

axisItem
    : GROUP name labels modifier* lineage* LBRACE axisItem* RBRACE # groupItem
    | name labels modifier* lineage* (COLON cellType)?             # leafItem
    ;

// How an item relates to the earlier version of the format (the one the format extends or revises).
lineage
    : RENAMED FROM (path | STRING)
    | SPLIT FROM path
    | MERGED FROM path (COMMA path)*
    | MOVED FROM (path | INTEGER)
    | SINCE versionValue
    | UNTIL versionValue
    ;

labels
    : STRING (ALIAS STRING)*
    ;

modifier
    : REQUIRED
    | OPTIONAL
    | HEADER
    | UNLABELED
    | EXHAUSTIVE
    | NONEXHAUSTIVE
    | SUBTOTAL
    ;

cellType
    : COUNT typeOption*                                          # countType
    | INTEGER_TYPE typeOption*                                   # integerType
    | TEXT typeOption*                                           # textType
    | AMOUNT (UNIT STRING)? (PRECISION INTEGER)? typeOption*     # amountType
    | PERCENT (PRECISION INTEGER)? typeOption*                   # percentType
    | DATE typeOption*                                           # dateType
    | BOOLEAN typeOption*                                        # booleanType
    | ENUM LPAREN STRING (COMMA STRING)* RPAREN typeOption*      # enumType
    ;

// What a cell of the type may hold besides its kind, and the value a blank cell takes.
typeOption
    : DEFAULT typeValue                              # defaultOption
    | RANGE_KEYWORD typeValue? RANGE typeValue?      # rangeOption
    | PATTERN STRING                                 # patternOption
    ;

typeValue
    : MINUS? number
    | STRING
    | IDENTIFIER
    ;

ruleDeclaration
    : RULE code = name severity = name message = STRING (TOLERANCE number)? quantifier* whenClause? COLON (presence | comparison)
    ;

// An existence rule: the section's text, the table, or the cell has a value (where the rule's condition holds).
presence
    : PRESENT cellReference
    ;

// for each row|column [in group | in (a, b, c)]; for each group|table in (a, b, c) checks the rule once per group or
// table, its names read inside it.
quantifier
    : FOR EACH axis = (ROW | COLUMN | GROUP | TABLE) (IN (path | LPAREN path (COMMA path)* RPAREN))?
    ;

// The rule applies only where the condition holds.
whenClause
    : WHEN condition
    ;

// Flat like expressions: "a or b or c" is a list.
condition
    : conjunction (OR conjunction)*
    ;

conjunction
    : negation (AND negation)*
    ;

negation
    : NOT negation                  # notCondition
    | LPAREN condition RPAREN       # parenthesizedCondition
    | comparison                    # comparisonCondition
    ;

comparison
    : left = expression op = (EQ | NE | LT | LE | GT | GE) right = expression
    ;

// Flat on purpose: a sum of a million terms is a list, not a million-deep tree.
expression
    : sign = (PLUS | MINUS)? product (termOperator product)*
    ;

product
    : unary (factorOperator unary)*
    ;

factorOperator
    : STAR
    | SLASH
    ;

unary
    : MINUS unary
    | term
    ;

termOperator
    : PLUS
    | MINUS
    ;

// A string is a value of a text, date, boolean or enum cell, compared with that cell in a condition.
term
    : number                                                 # numberTerm
    | name LPAREN (expression (COMMA expression)*)? RPAREN    # callTerm
    | cellReference                                          # referenceTerm
    | STRING                                                 # stringTerm
    | LPAREN expression RPAREN                               # parenthesizedTerm
    ;

cellReference
    : PREVIOUS? path (LBRACKET path RBRACKET)?
    ;

path
    : name (DOT name)*
    ;

number
    : INTEGER
    | DECIMAL
    ;

// Keywords are reserved only where the grammar needs them; elsewhere they are ordinary names.
name
    : IDENTIFIER
    | FORMAT | VERSION | SECTION | PROSE | TABLE | STUB | CELLS | COLUMNS | ROWS | ABSENT
    | GROUP | ALIAS | REQUIRED | OPTIONAL | HEADER | UNLABELED
    | COUNT | INTEGER_TYPE | TEXT | AMOUNT | UNIT | PRECISION
    | RULE | TOLERANCE | FOR | EACH | ROW | COLUMN | IN | PREVIOUS | WHEN | AND | OR | NOT
    | EXHAUSTIVE | NONEXHAUSTIVE | SUBTOTAL | PERCENT | DATE | BOOLEAN | ENUM | DEFAULT | RANGE_KEYWORD
    | EXTENDS | REVISES | REMOVE | RENAMED | SPLIT | MERGED | MOVED | FROM | SINCE | UNTIL
    | FACT | PATTERN | PRESENT | ADD | REPLACE | AFTER | BEFORE
    ;

// ---------------------------------------------------------------- lexer

FORMAT       : 'format';
VERSION      : 'version';
SECTION      : 'section';
PROSE        : 'prose';
TABLE        : 'table';
STUB         : 'stub';
CELLS        : 'cells';
COLUMNS      : 'columns';
ROWS         : 'rows';
ABSENT       : 'absent';
GROUP        : 'group';
ALIAS        : 'alias';
REQUIRED     : 'required';
OPTIONAL     : 'optional';
HEADER       : 'header';
UNLABELED    : 'unlabeled';
COUNT        : 'count';
INTEGER_TYPE : 'integer';
TEXT         : 'text';
AMOUNT       : 'amount';
UNIT         : 'unit';
PRECISION    : 'precision';
RULE         : 'rule';
TOLERANCE    : 'tolerance';
FOR          : 'for';
EACH         : 'each';
ROW          : 'row';
COLUMN       : 'column';
IN           : 'in';
PREVIOUS     : 'previous';
WHEN         : 'when';
AND          : 'and';
OR           : 'or';
NOT          : 'not';
EXTENDS      : 'extends';
REVISES      : 'revises';
REMOVE       : 'remove';
RENAMED      : 'renamed';
SPLIT        : 'split';
MERGED       : 'merged';
MOVED        : 'moved';
FROM         : 'from';
SINCE        : 'since';
UNTIL        : 'until';
EXHAUSTIVE   : 'exhaustive';
NONEXHAUSTIVE : 'nonexhaustive';
SUBTOTAL     : 'subtotal';
PERCENT      : 'percent';
DATE         : 'date';
BOOLEAN      : 'boolean';
ENUM         : 'enum';
DEFAULT      : 'default';
RANGE_KEYWORD : 'range';
FACT         : 'fact';
PATTERN      : 'pattern';
PRESENT      : 'present';
ADD          : 'add';
REPLACE      : 'replace';
AFTER        : 'after';
BEFORE       : 'before';

LBRACE   : '{';
RBRACE   : '}';
LPAREN   : '(';
RPAREN   : ')';
LBRACKET : '[';
RBRACKET : ']';
COLON    : ':';
COMMA    : ',';
RANGE    : '..';
DOT      : '.';
PLUS     : '+';
MINUS    : '-';
STAR     : '*';
SLASH    : '/';
EQ       : '=';
NE       : '!=';
LE       : '<=';
GE       : '>=';
LT       : '<';
GT       : '>';

DECIMAL : DIGIT+ '.' DIGIT+;
INTEGER : DIGIT+;

IDENTIFIER : (ASCII_LETTER | '_' | OTHER_LETTER) (ASCII_LETTER | '_' | OTHER_LETTER | DIGIT | OTHER_DIGIT)*;

// A string may not span lines; an unclosed one ends at the line end and is reported by the parser's builder.
STRING              : '"' (~["\\\r\n] | '\\' ~[\r\n])* '"';
UNTERMINATED_STRING : '"' (~["\\\r\n] | '\\' ~[\r\n])* '\\'?;

WHITESPACE : ([ \t\u000B\f] | OTHER_SPACE)+ -> channel(HIDDEN);
NEWLINE    : ('\r\n' | '\r' | '\n' | OTHER_NEWLINE) -> channel(HIDDEN);
LINE_COMMENT  : '//' ~[\r\n\u0004]* -> channel(HIDDEN);
// An unclosed block comment runs to the end of the file; the builder reports it.
BLOCK_COMMENT : '/*' .*? ('*/' | EOF) -> channel(HIDDEN);

// Anything else is kept, so that the tree still round-trips, and reported by the builder.
BAD_CHARACTER : . -> channel(HIDDEN);

fragment DIGIT        : [0-9];
fragment ASCII_LETTER : [a-zA-Z];

// ANTLR's lexer caches its decisions only for characters below 128, and labels are mostly Chinese. So the lexer
// reads text through FoldedCharStream (src/ReportDsl/Parsing), which folds every character of 128 and above into
// one of these classes; token texts are still taken from the real text.
fragment OTHER_LETTER  : '\u0001'; // a letter (Unicode category L)
fragment OTHER_DIGIT   : '\u0005'; // a number (Unicode category N)
fragment OTHER_SPACE   : '\u0003'; // U+00A0, U+3000 and U+FEFF
fragment OTHER_NEWLINE : '\u0004'; // U+2028 and U+2029
// '\u0002' stands for anything else, and for the real characters U+0001 to U+0005.
