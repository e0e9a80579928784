// Stop words per language: short curated lists of function words (articles, prepositions, conjunctions,
// pronouns, auxiliaries), written as people write them and folded at load like every indexed word.
// Words that course titles need are left out: "not", "how", "about", "без", and "it" (IT Security).

// prettier-ignore
const LISTS: Readonly<Record<string, string>> = {
  en: `a an and are as at be been but by for from has have if in into is its of on or our so such that the
    their then there these they this to was we were will with you your`,
  fr: `a à au aux avec ce ces cet cette c d dans de des du elle elles en est et il ils j je l la le les leur
    leurs lui m ma mes n ne nous on ou où par pas pour qu que qui s sa se ses son sont sur t ta te tes un une
    vos votre vous y`,
  es: `a al como con de del e el en entre es esta estas este estos la las le les lo los mas más mi nos o para
    pero por que se sin sobre son su sus te tu u un una unas unos y`,
  pt: `a à ao aos as às com como da das de do dos e é em entre mais mas na nas no nos o os ou para pela pelas
    pelo pelos por que se sem seu seus sua suas são um uma umas uns`,
  it: `a agli ai al alla alle allo all anche che ci come con da dai dal dalla dalle dall degli dei del della
    delle dello dell di e è fra gli i il in l la le lo ma nei nel nella nelle nello nell non o per più
    si su sul sulla sull tra un una uno`,
  de: `am an auf aus bei das dass daß dem den der des die du ein eine einem einen einer eines er es für ich
    ihr im in ist mit nach nicht oder sich sie sind über um und unter vom von war wie wir zu zum zur`,
  ru: `а без бы был была были было быть в вам вас во вот все всё да для до его ее её если есть же за и из
    или им их к как ко когда кто ли мы на над не нее неё нет них но о об от по под при про с со так то
    только у уже чем что чтобы это этот эта эти этого этой`,
  uk: `а або вві від для до з за і й й як на не по при та те то у це ці що`,
  ar: `ان أن إن او أو اي أي الى إلى التي الذي الذين ثم حتى عن على عند في قد كان كانت كل لا لم لن ما مع من
    هذا هذه ذلك تلك هو هي هم و`,
  zh: '的 了 和 与 及 是 在 也 就 都 而 或 之 其 这 那 对 把 被 从 以 于 着 个 吗 呢 吧 啊',
  ja: 'の に は を が で と も から へ や か など まで より',
  th: `และ ที่ ของ ใน เป็น การ ความ ได้ ให้ กับ จาก โดย ไป มี ว่า นี้ ซึ่ง แต่ หรือ ก็ จะ เพื่อ อยู่ แล้ว`,
}

/** The raw list for `language` (a primary subtag), as words split on white space. */
export function stopWordList(language: string): readonly string[] {
  return (Object.hasOwn(LISTS, language) ? (LISTS[language] ?? '') : '')
    .split(/\s+/u)
    .filter((word) => word.length > 0)
}
