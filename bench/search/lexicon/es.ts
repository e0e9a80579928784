// Spanish seed lexicon: course vocabulary with plurals by rule and learned prefixes, accents included.
import { compounds, inflect, list, phrases, type Lexicon } from './lexicon.ts'

const heads = list(`bio neuro micro nano geo eco ciber socio psico electro termo hidro astro foto macro meta
  multi inter trans agro aero auto tele info tecno cardio inmuno fármaco radio crono`)

export const es: Lexicon = {
  language: 'es',
  joiner: ' ',
  sentenceEnd: '.',
  stop: list(`el la los las de del y en para con por un una es son este esta que se al como sus su más
    también sobre entre curso`),
  words:
    list(`aprendizaje datos curso introducción análisis sistemas diseño ciencia estudiantes gestión teoría
    práctica habilidades investigación métodos desarrollo aplicaciones principios modelos redes digital
    programación software ingeniería economía historia lengua salud computadora estadística matemáticas
    sociedad pública política global internacional ambiente energía finanzas marketing comunicación cultura
    educación enseñanza automático inteligencia artificial algoritmos estructuras base web móvil seguridad
    nube computación proyecto calidad riesgo estrategia liderazgo innovación emprendimiento operaciones
    logística contabilidad derecho ética filosofía psicología sociología biología química física cálculo
    álgebra geometría probabilidad escritura literatura música cine medios periodismo arquitectura ciudad
    planificación agricultura alimentos agua clima sostenibilidad medicina enfermería nutrición genética
    neurociencia molecular orgánica cuántica lineal financiera corporativas creativa cognitiva clínica
    renovables humana mundo moderno antiguo europa asia áfrica américa china rusia árabe español francés
    inglés gramática vocabulario lectura conversación traducción lingüística semántica fonética retórica
    argumentación evidencia pensamiento crítico problemas decisiones negociación equipo presentación
    visualización regresión clasificación agrupamiento neuronales profundo refuerzo visión robótica
    sensores automatización electrónica circuitos señales control mecánica materiales termodinámica fluidos
    construcción transporte aviación turismo hotelería ventas publicidad marca consumidor comportamiento
    mercados comercio banca inversión seguros impuestos auditoría presupuesto valoración cartera derivados
    econometría microeconomía macroeconomía desigualdad pobreza migración población demografía género
    identidad religión teología arqueología antropología geografía geología oceanografía astronomía
    cosmología evolución biodiversidad conservación forestal pesca veterinaria odontología farmacia cirugía
    anatomía fisiología epidemiología inmunología patología diagnóstico terapia rehabilitación bienestar
    deporte entrenamiento infancia adolescencia envejecimiento discapacidad inclusión equidad justicia
    derechos democracia gobernanza elecciones diplomacia conflicto paz guerra revolución imperio
    constitución tribunales contratos propiedad delito investigación privacidad normas producto cliente
    servicio experiencia interfaz pruebas despliegue cadena criptografía cifrado protocolos satélites
    fotografía pintura escultura teatro danza poesía novela drama mitología patrimonio museos archivos
    bibliotecas información conocimiento fundamentos avanzado aplicado certificado universidad profesor
    laboratorio experimentos tecnología herramientas plataforma`),
  expand: (words) => [
    ...inflect(words, [
      [/[sx]$/, []],
      [/ión$/, ['iones']],
      [/[aeiouáéó]$/, ['$&s']],
      [/[a-zñ]$/, ['$&es']],
    ]),
    ...compounds(heads, words),
  ],
  topics:
    phrases(`aprendizaje automático | ciencia de datos | inteligencia artificial | programación informática |
    desarrollo web | seguridad de la información | computación en la nube | contabilidad financiera |
    finanzas corporativas | marketing digital | gestión de proyectos | emprendimiento | microeconomía |
    salud pública | cambio climático | energías renovables | química orgánica | física cuántica |
    álgebra lineal | teoría de la probabilidad | historia universal | ética | psicología cognitiva |
    estudios culturales | derecho internacional | escritura creativa | gramática inglesa | lengua china |
    teoría musical | producción cinematográfica | arquitectura sostenible | planificación urbana |
    biología molecular | genética humana | neurociencia | enfermería clínica | agricultura sostenible |
    formación docente | periodismo de datos | aprendizaje profundo`),
  patterns: phrases(`Introducción : {t} | {t} | Fundamentos de {t} | {t} para principiantes | Curso de {t} |
    {t} : teoría y práctica | Principios de {t} | {t} aplicada | {t} avanzada`),
  names: {
    first: list('Carlos María José Lucía Javier Carmen Miguel Laura Antonio Elena Pablo Sofía'),
    last: list('García Martínez López Sánchez Pérez Gómez Fernández Díaz Torres Ruiz Ramírez Flores'),
  },
}
