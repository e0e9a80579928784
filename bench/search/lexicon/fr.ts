// French seed lexicon: course vocabulary with plurals by rule and learned prefixes, accents included.
import { compounds, inflect, list, phrases, type Lexicon } from './lexicon.ts'

const heads =
  list(`bio neuro micro nano géo éco cyber socio psycho électro thermo hydro astro photo macro méta
  multi inter trans agro aéro auto télé info techno cardio immuno pharmaco radio chrono`)

export const fr: Lexicon = {
  language: 'fr',
  joiner: ' ',
  sentenceEnd: '.',
  stop: list(`le la les de des du et en pour avec par un une est sont ce cette qui que se au aux comme ses sa
    son plus aussi sur entre dans ce cours vous`),
  words: list(`apprentissage données cours introduction analyse systèmes conception science étudiants gestion
    théorie pratique compétences recherche méthodes développement applications principes modèles réseaux
    numérique programmation logiciel ingénierie économie histoire langue santé ordinateur statistique
    mathématiques société publique politique mondial international environnement énergie finance marketing
    communication culture éducation enseignement automatique intelligence artificielle algorithmes
    structures base web mobile sécurité nuage informatique projet qualité risque stratégie leadership
    innovation entrepreneuriat opérations logistique comptabilité droit éthique philosophie psychologie
    sociologie biologie chimie physique calcul algèbre géométrie probabilités écriture littérature musique
    cinéma médias journalisme architecture ville urbanisme agriculture alimentation eau climat durabilité
    médecine infirmiers nutrition génétique neurosciences moléculaire organique quantique linéaire
    financière entreprises créative cognitive clinique renouvelables humaine monde moderne ancien europe
    asie afrique amérique chine russie arabe espagnol français anglais grammaire vocabulaire lecture
    conversation traduction linguistique sémantique phonétique rhétorique argumentation preuve pensée
    critique problèmes décision négociation équipe présentation visualisation régression classification
    regroupement neuronaux profond renforcement vision robotique capteurs automatisation électronique
    circuits signaux contrôle mécanique matériaux thermodynamique fluides construction transport aviation
    tourisme hôtellerie vente publicité marque consommateur comportement marchés commerce banque
    investissement assurance fiscalité audit budget évaluation portefeuille dérivés économétrie
    microéconomie macroéconomie inégalités pauvreté migrations population démographie genre identité
    religion théologie archéologie anthropologie géographie géologie océanographie astronomie cosmologie
    évolution biodiversité conservation forêts pêche vétérinaire dentaire pharmacie chirurgie anatomie
    physiologie épidémiologie immunologie pathologie diagnostic thérapie rééducation bien-être sport
    entraînement enfance adolescence vieillissement handicap inclusion équité justice droits démocratie
    gouvernance élections diplomatie conflit paix guerre révolution empire constitution tribunaux contrats
    propriété crime enquête confidentialité normes produit client service expérience interface tests
    déploiement chaîne cryptographie chiffrement protocoles satellites photographie peinture sculpture
    théâtre danse poésie roman drame mythologie patrimoine musées archives bibliothèques information
    connaissances fondamentaux avancé appliqué certificat université professeur laboratoire expériences
    technologie outils plateforme`),
  expand: (words) => [
    ...inflect(words, [
      [/[sxz]$/, []],
      [/al$/, ['aux']],
      [/eau$/, ['eaux']],
      [/$/, ['s']],
    ]),
    ...compounds(heads, words),
  ],
  topics: phrases(`apprentissage automatique | science des données | intelligence artificielle |
    programmation informatique | développement web | sécurité informatique | informatique en nuage |
    comptabilité financière | finance des entreprises | marketing numérique | gestion de projet |
    entrepreneuriat | microéconomie | santé publique | changement climatique | énergies renouvelables |
    chimie organique | physique quantique | algèbre linéaire | théorie des probabilités | histoire mondiale |
    éthique | psychologie cognitive | études culturelles | droit international | écriture créative |
    grammaire anglaise | langue chinoise | théorie musicale | production cinématographique |
    architecture durable | urbanisme | biologie moléculaire | génétique humaine | neurosciences |
    soins infirmiers cliniques | agriculture durable | formation des enseignants | journalisme de données |
    apprentissage profond`),
  patterns: phrases(`Introduction : {t} | {t} | Fondements : {t} | {t} pour débutants | Cours de {t} |
    {t} : théorie et pratique | Principes de {t} | {t} appliquée | {t} avancée`),
  names: {
    first: list('Jean Marie Pierre Sophie Luc Camille Nicolas Claire Thomas Julie Antoine Léa'),
    last: list('Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent'),
  },
}
