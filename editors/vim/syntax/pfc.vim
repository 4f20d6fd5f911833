" Vim syntax file
" Language:    pfc performance framework (*.pf)
" Maintainer:  the pfc project
" The groups mirror the scopes of editors/vscode/syntaxes/pfc.tmLanguage.json;
" tests/editors.rs checks both against editors/vscode/tests/*.test.pf.

if exists('b:current_syntax')
  finish
endif
let s:cpo_save = &cpo
set cpo&vim

syn case match
" Frameworks are a few hundred lines: parse from the top, so a block's
" rows are always known to be inside it.
syn sync fromstart

" Code, as it may appear anywhere (and inside the table blocks below).
syn cluster pfcCode contains=pfcComment,pfcString,pfcCnString,pfcTripleString,pfcNumber,pfcDiagCode,pfcKeyword,pfcControl,pfcLogical,pfcType,pfcConstant,pfcValueName,pfcFunction,pfcOperator,pfcRange,pfcArrow

" Keywords.
syn keyword pfcKeyword basis total years grade require allow deduction renormalize rated
syn keyword pfcKeyword test data expect also label
syn keyword pfcKeyword framework extends nextgroup=pfcFrameworkId skipwhite
syn keyword pfcKeyword group indicator slot question reweight remove within nextgroup=pfcNodeName skipwhite
syn keyword pfcKeyword input let nextgroup=pfcVariable skipwhite
syn keyword pfcKeyword scoring nextgroup=pfcRuleKind skipwhite
syn keyword pfcKeyword default nextgroup=pfcPick skipwhite
syn keyword pfcKeyword language nextgroup=pfcLangCode skipwhite
syn keyword pfcKeyword from nextgroup=pfcDataPath skipwhite
syn keyword pfcKeyword answers nextgroup=pfcScale skipwhite
syn keyword pfcKeyword grades nextgroup=pfcGrades skipwhite
syn keyword pfcControl if then else when tiers otherwise
syn keyword pfcLogical and or not
syn keyword pfcType money percent number count text level
syn keyword pfcConstant true false skip warn warning error
syn keyword pfcValueName weight target actual score
syn match pfcKeyword /\<round\>\ze\s\+\d/ nextgroup=pfcRoundPlaces skipwhite
syn match pfcFunction /\<\%(min\|max\|clamp\|abs\|round\|floor\|ceil\|excess\|shortfall\|steps\)\ze\s*[(（]/

" What follows a keyword.
syn match pfcFrameworkId /\%(\k\|[.-]\)\+/ contained
syn match pfcNodeName /"\%([^"\\]\|\\.\)*"\|“[^”]*”\|\k\+/ contained
syn match pfcVariable /\k\+/ contained
syn match pfcRuleKind /\<\%(at-least\|at-most\|equals\)\>/ contained
syn match pfcRuleKind /\<qualitative\>/ contained nextgroup=pfcBands skipwhite
syn match pfcPick /\<\%(upper\|middle\|lower\)\>/ contained
syn match pfcLangCode /\a\+/ contained
syn match pfcDataPath /\k\+\%(\.\k\+\)*/ contained
syn match pfcScale /\%(\k\|-\)\+/ contained nextgroup=pfcAnswers skipwhite
syn match pfcRoundPlaces /\d\+/ contained nextgroup=pfcRoundOption skipwhite
syn match pfcRoundOption /\<\%(half-up\|half-even\|down\|up\|per-leaf\|per-group\|total-only\)\>/ contained nextgroup=pfcRoundOption skipwhite

" Literals.
syn match pfcNumber /\k\@<!\d\+\%(\.\d\+\)\=/ nextgroup=pfcUnit
syn match pfcUnit /[%％]\|\%(\k\&\D\)\+/ contained
syn match pfcDiagCode /\<PF\d\{4}\>/
syn region pfcString start=/"/ skip=/\\./ end=/"\|$/ contains=pfcEscape,pfcPlaceholder
syn region pfcCnString start=/“/ end=/”\|$/ contains=pfcPlaceholder
syn region pfcTripleString start=/"""/ end=/"""/
syn match pfcEscape /\\./ contained
syn match pfcPlaceholder /{[^{}"”]*}/ contained

" Operators.
syn match pfcOperator /[<>=!]=\|[<>≥≤≠≦≧＜＞=＝]\|&&\|||\|!/
syn match pfcOperator /[+*/×÷−＋－＊／-]/
syn match pfcRange /\.\.\|[…～~]/
syn match pfcArrow /=>\|→/

" Table blocks: the names at the start of their rows.
syn region pfcGrades matchgroup=pfcBrace start=/[{｛]/ end=/[}｝]/ contained contains=@pfcCode,pfcGradeName
syn region pfcBands matchgroup=pfcBrace start=/[{｛]/ end=/[}｝]/ contained contains=@pfcCode,pfcBandName
syn region pfcAnswers matchgroup=pfcBrace start=/[{｛]/ end=/[}｝]/ contained contains=@pfcCode,pfcAnswerName
syn match pfcGradeName /\%(^\s*\|[{｛;；]\s*\)\@<=\%("\%([^"\\]\|\\.\)*"\|“[^”]*”\|\k\+\)/ contained
syn match pfcBandName /\%(^\s*\|[{｛;；]\s*\)\@<=\%("\%([^"\\]\|\\.\)*"\|“[^”]*”\|\k\+\)\ze\s\+\d/ contained
syn match pfcAnswerName /\%(^\s*\|[{｛;；]\s*\)\@<=\%("\%([^"\\]\|\\.\)*"\|“[^”]*”\|\k\+\)\ze\s\+\%(\d\|skip\>\)/ contained

" Comments last: they win over everything that starts at the same place.
syn match pfcComment /\%(\/\/\|#\).*$/ contains=@Spell

hi def link pfcComment      Comment
hi def link pfcString       String
hi def link pfcCnString     String
hi def link pfcTripleString String
hi def link pfcEscape       SpecialChar
hi def link pfcPlaceholder  Special
hi def link pfcKeyword      Keyword
hi def link pfcControl      Conditional
hi def link pfcLogical      Operator
hi def link pfcOperator     Operator
hi def link pfcRange        Operator
hi def link pfcArrow        Operator
hi def link pfcType         Type
hi def link pfcConstant     Constant
hi def link pfcRuleKind     Constant
hi def link pfcPick         Constant
hi def link pfcLangCode     Constant
hi def link pfcRoundOption  Constant
hi def link pfcRoundPlaces  Number
hi def link pfcValueName    Identifier
hi def link pfcFunction     Function
hi def link pfcNumber       Number
hi def link pfcUnit         Special
hi def link pfcDiagCode     Constant
hi def link pfcFrameworkId  Type
hi def link pfcNodeName     Title
hi def link pfcVariable     Identifier
hi def link pfcDataPath     Identifier
hi def link pfcScale        Type
hi def link pfcGradeName    Label
hi def link pfcBandName     Label
hi def link pfcAnswerName   Label
hi def link pfcBrace        Delimiter

let b:current_syntax = 'pfc'
let &cpo = s:cpo_save
unlet s:cpo_save
